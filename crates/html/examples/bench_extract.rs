//! Times `extract_article` alone on a benchmark's pages, robustly on a shared machine:
//! `cargo run --release -p dyad-html --example bench_extract -- DIR [ROUNDS [MAX_PAGES]]`, where
//! DIR holds `html/*.html.gz` (WCXB or Zyte layout); MAX_PAGES takes an evenly spaced sample
//! (for running under `valgrind --tool=cachegrind`, whose instruction counts do not vary
//! with machine load). Every page is extracted ROUNDS times (default 3),
//! round-robin over the pages so that noise spreads evenly; for each page the fastest round is
//! kept, both in wall-clock time and in this thread's CPU time (which other processes'
//! load barely moves). Prints the median and mean over pages of both.

use std::io::Read;
use std::path::Path;
use std::time::Instant;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let Some(folder) = arguments.first() else {
        eprintln!("usage: bench_extract DIR [ROUNDS [MAX_PAGES]]");
        std::process::exit(2);
    };
    let rounds: usize = arguments.get(1).and_then(|text| text.parse().ok()).unwrap_or(3);
    let max_pages: usize = arguments.get(2).and_then(|text| text.parse().ok()).unwrap_or(usize::MAX);
    let pages = gzip_pages(&Path::new(folder).join("html"), max_pages);
    if pages.is_empty() {
        eprintln!("no html/*.html.gz pages under {folder}");
        std::process::exit(1);
    }
    let mut best_wall = vec![f64::INFINITY; pages.len()];
    let mut best_cpu = vec![f64::INFINITY; pages.len()];
    for _ in 0..rounds {
        for (index, html) in pages.iter().enumerate() {
            let cpu_start = thread_cpu_ms();
            let wall_start = Instant::now();
            let _ = std::hint::black_box(dyad_html::extract_article(html, None));
            best_wall[index] = best_wall[index].min(wall_start.elapsed().as_secs_f64() * 1000.0);
            best_cpu[index] = best_cpu[index].min(thread_cpu_ms() - cpu_start);
        }
    }
    println!("{} pages, best of {rounds} rounds per page", pages.len());
    println!("  wall ms / page: median {:.2}  mean {:.2}", median(&mut best_wall.clone()), mean(&best_wall));
    println!("  cpu  ms / page: median {:.2}  mean {:.2}", median(&mut best_cpu.clone()), mean(&best_cpu));
}

#[repr(C)]
struct Timespec {
    seconds: i64,
    nanoseconds: i64,
}

unsafe extern "C" {
    fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
}

/// CPU time consumed by the calling thread (Linux `CLOCK_THREAD_CPUTIME_ID`), in ms.
fn thread_cpu_ms() -> f64 {
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec { seconds: 0, nanoseconds: 0 };
    // SAFETY: clock_gettime writes one timespec through a valid, exclusive pointer.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    time.seconds as f64 * 1000.0 + time.nanoseconds as f64 / 1_000_000.0
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len().is_multiple_of(2) { (values[middle - 1] + values[middle]) / 2.0 } else { values[middle] }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn gzip_pages(folder: &Path, max_pages: usize) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.retain(|path| path.to_str().is_some_and(|name| name.ends_with(".html.gz")));
    paths.sort();
    let stride = paths.len().div_ceil(max_pages.max(1)).max(1);
    paths
        .into_iter()
        .step_by(stride)
        .filter_map(|path| {
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(&path).ok()?).read_to_end(&mut html).ok()?;
            Some(html)
        })
        .collect()
}
