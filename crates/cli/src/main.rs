fn main() {
    println!("dyad");
}
