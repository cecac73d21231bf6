//! Regenerates `crates/verbs/data/verbs.txt` and `crates/verbs/data/cameo.tsv` from the
//! shared source data beside the repository (`../shared/data`):
//!
//! ```text
//! cargo run -p dyad-verbs --example convert_verbs
//! ```

use std::path::Path;

fn main() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared_data = crate_dir.join("../../../shared/data");
    match dyad_verbs::convert_sources(&shared_data, &crate_dir.join("data")) {
        Ok(summary) => println!(
            "wrote {} ({} blocks, {} verbs, {} patterns) and {} ({} codes)",
            summary.verbs_path.display(),
            summary.blocks,
            summary.verbs,
            summary.patterns,
            summary.cameo_path.display(),
            summary.cameo_codes
        ),
        Err(error) => {
            eprintln!("conversion failed: {error}");
            std::process::exit(1);
        }
    }
}
