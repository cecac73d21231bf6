//! `dyad eval`: measuring against public gold standards. The scoring lives in dyad-eval and
//! dyad-html; this module only parses flags and prints reports.

use crate::GlobalOptions;
use anyhow::{Context, Result};
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Run a PETRARCH/TABARI validation file with the dictionaries its <Environment> names.
    #[command(after_help = "Example:\n  dyad eval petr ../shared/data/petrarch2/PETR.UnitTest.records.xml")]
    Petr { file: PathBuf },
    /// Score the PLOVER gold-standard records (event type, actor, recipient; confusions; confidence reliability).
    #[command(after_help = "Example:\n  dyad eval plover ../shared/eval/plover-gsr/PLOVER_GSR_CAMEO.dev.json")]
    Plover { file: PathBuf },
    /// Headline-event recall and dates on the news-dev set.
    #[command(after_help = "Example:\n  dyad eval news ../shared/eval/news-dev")]
    News { directory: PathBuf },
    /// Time expressions, quote speakers and event dates on dyad's own annotated passages.
    #[command(after_help = "Example:\n  dyad eval annotated crates/eval/data/annotated")]
    Annotated { directory: PathBuf },
    /// Story clustering on the news-dev set: B-cubed precision, recall and F1, with confusions.
    #[command(after_help = "Example:\n  dyad eval stories ../shared/eval/news-dev")]
    Stories { directory: PathBuf },
    /// Article extraction on the Zyte (ground-truth.json) or WCXB (ground-truth/*.json) benchmark.
    #[command(
        after_help = "Examples:\n  dyad eval extract ../shared/eval/extraction/aeb-dev\n  dyad eval extract ../shared/eval/extraction/wcxb-dev"
    )]
    Extract { directory: PathBuf },
}

pub fn run(_global: &GlobalOptions, command: EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Petr { file } => {
            let report =
                dyad_eval::evaluate_petrarch(&file).with_context(|| format!("cannot run {}", file.display()))?;
            println!("{report}");
            Ok(())
        }
        EvalCommand::Plover { file } => {
            let report =
                dyad_eval::evaluate_plover(&file).with_context(|| format!("cannot score {}", file.display()))?;
            println!("{report}");
            Ok(())
        }
        EvalCommand::News { directory } => {
            let report = dyad_eval::evaluate_news(&directory)
                .with_context(|| format!("cannot score {}", directory.display()))?;
            println!("{report}");
            Ok(())
        }
        EvalCommand::Annotated { directory } => {
            let report = dyad_eval::evaluate_annotated(&directory)
                .with_context(|| format!("cannot score {}", directory.display()))?;
            println!("{report}");
            Ok(())
        }
        EvalCommand::Stories { directory } => {
            let report = dyad_eval::evaluate_stories(&directory)
                .with_context(|| format!("cannot score {}", directory.display()))?;
            println!("{report}");
            Ok(())
        }
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
