//! Regenerates kb/*.tsv: `cargo run -p dyad-kb --example build_kb -- <shared/data> <kb/curated> <kb>`.

use std::path::PathBuf;

fn main() {
    let arguments: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [shared, curated, out] = arguments.as_slice() else {
        eprintln!("usage: build_kb <shared/data> <kb/curated> <kb>");
        std::process::exit(2);
    };
    match dyad_kb::build_from_sources(shared, curated, out) {
        Ok(summary) => {
            println!("written: {:?}", summary.written);
            println!("dropped: {:?}", summary.dropped);
            println!("skipped source lines: {}", summary.skipped_lines.len());
            for line in summary.skipped_lines.iter().take(20) {
                println!("  {line}");
            }
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
