//! Splits, tokenizes, tags and parses text with dyad's embedded models, printing one word
//! per line: position, word, tag, head position (0 = root) and relation.
//!
//! Usage: cargo run -p dyad-parse --example parse_text -- "Text to parse." (or text on stdin)

use dyad_analyse::Analyser;
use dyad_analyse::conllu::tagger_form;
use dyad_parse::Parser;
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() && std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("could not read text from standard input");
        return ExitCode::FAILURE;
    }
    let parser = Parser::embedded();
    for sentence in Analyser::new().analyse(&text) {
        // The parser, like the tagger, sees straight double quotes as `` or '' by spacing.
        let tokens = &sentence.tokens;
        let words: Vec<&str> = tokens
            .iter()
            .enumerate()
            .map(|(position, token)| {
                let space_before = position == 0 || tokens[position - 1].span.end < token.span.start;
                let space_after = tokens.get(position + 1).is_none_or(|next| token.span.end < next.span.start);
                tagger_form(token.text(&text), space_before, space_after)
            })
            .collect();
        let tags: Vec<&str> = sentence.tokens.iter().map(|token| token.tag.as_str()).collect();
        let dependencies = match parser.parse(&words, &tags) {
            Ok(dependencies) => dependencies,
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::FAILURE;
            }
        };
        for (position, (dependency, (word, tag))) in dependencies.iter().zip(words.iter().zip(&tags)).enumerate() {
            let head = dependency.head.map_or(0, |head| head + 1);
            println!("{}\t{word}\t{tag}\t{head}\t{}", position + 1, dependency.relation);
        }
        println!();
    }
    ExitCode::SUCCESS
}
