//! Runs the extraction benchmarks: `cargo run --release -p dyad-html --example eval_extract -- ZYTE_DIR [WCXB_DIR]`.
//! Either path may be `-` to skip that benchmark.

use std::path::Path;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if arguments.is_empty() {
        eprintln!("usage: eval_extract ZYTE_DIR [WCXB_DIR]   (use - to skip one)");
        std::process::exit(2);
    }
    if let Some(zyte) = arguments.first().filter(|path| *path != "-") {
        match dyad_html::evaluation::evaluate_zyte(Path::new(zyte)) {
            Ok(report) => println!("{report}\n"),
            Err(error) => eprintln!("Zyte evaluation failed: {error}"),
        }
    }
    if let Some(wcxb) = arguments.get(1).filter(|path| *path != "-") {
        match dyad_html::evaluation::evaluate_wcxb(Path::new(wcxb)) {
            Ok(report) => println!("{report}"),
            Err(error) => eprintln!("WCXB evaluation failed: {error}"),
        }
    }
}
