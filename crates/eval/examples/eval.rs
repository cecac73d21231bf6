//! Prints one evaluation report: `eval petr FILE | plover FILE | news DIR | annotated DIR`.
//! (The real command line is `dyad eval`; this example exists to measure without the CLI.)

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let [which, path] = arguments.as_slice() else {
        eprintln!("usage: eval petr FILE | plover FILE | news DIR | annotated DIR");
        return ExitCode::FAILURE;
    };
    let path = Path::new(path);
    let started = std::time::Instant::now();
    let report = match which.as_str() {
        "petr" => dyad_eval::evaluate_petrarch(path).map(|report| report.to_string()),
        "plover" => dyad_eval::evaluate_plover(path).map(|report| report.to_string()),
        "news" => dyad_eval::evaluate_news(path).map(|report| report.to_string()),
        "annotated" => dyad_eval::evaluate_annotated(path).map(|report| report.to_string()),
        other => {
            eprintln!("unknown evaluation {other:?}: want petr, plover, news or annotated");
            return ExitCode::FAILURE;
        }
    };
    match report {
        Ok(text) => {
            println!("{text}");
            eprintln!("took {:.1} s", started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
