//! `dyad eval`: measuring against public gold standards. The scoring lives in dyad-eval and
//! dyad-html; this module only parses flags and prints reports.

use crate::GlobalOptions;
use anyhow::{Context, Result};
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Article extraction on the Zyte (ground-truth.json) or WCXB (ground-truth/*.json) benchmark.
    #[command(
        after_help = "Examples:\n  dyad eval extract ../shared/eval/extraction/aeb-dev\n  dyad eval extract ../shared/eval/extraction/wcxb-dev"
    )]
    Extract { directory: PathBuf },
}

pub fn run(_global: &GlobalOptions, command: EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Extract { directory } => {
            let report = if directory.join("ground-truth.json").is_file() {
                dyad_html::evaluation::evaluate_zyte(&directory)
            } else {
                dyad_html::evaluation::evaluate_wcxb(&directory)
            }
            .with_context(|| format!("cannot evaluate extraction on {}", directory.display()))?;
            println!("{report}");
            Ok(())
        }
    }
}
