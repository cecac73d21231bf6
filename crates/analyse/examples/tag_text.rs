//! Prints each sentence of a text file as word/TAG pairs, for checking the tagger by eye:
//! `cargo run -p dyad-analyse --example tag_text -- article.txt`
use dyad_analyse::Analyser;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tag_text FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    for sentence in Analyser::new().analyse(&text) {
        let tagged: Vec<String> =
            sentence.tokens.iter().map(|token| format!("{}/{}", token.text(&text), token.tag.as_str())).collect();
        println!("{}\n", tagged.join(" "));
    }
}
