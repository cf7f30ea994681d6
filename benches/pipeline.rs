//! Throughput benchmarks: `cargo bench --bench pipeline` (or `cargo bench`).
//!
//! Three parts:
//! 1. a scaling report, printed first: each worst case (and the dev corpus as one text) is
//!    annotated at 1/8, 1/4, 1/2 and all of its size, layer by layer; each time is printed
//!    with its ratio to the half size (about 2 is linear, 4 quadratic), then a growth
//!    exponent per layer over the whole range (1 linear, 2 quadratic); layers above 1.3 are
//!    flagged SUPER-LINEAR. Skip it with SAYWHERE_BENCH_SCALING=0;
//!    SAYWHERE_BENCH_CASE=NAME keeps only the cases whose name contains NAME (for a profiler).
//! 2. `corpus`: every layer (`text::Doc::new`, `quotes::find`, `places::find`, `people::find`,
//!    `places::resolve`, `attribution::attribute`) and the whole `saywhere::annotate`, in
//!    MB/s, on the two seed articles and, when present, on `target/bench-corpus.txt` (built by
//!    `scripts/bench-corpus.sh` from the dev data; never committed, not needed).
//! 3. `worst_case`: `annotate` on 100,000 unmatched quote marks, one 5 MB line of prose and
//!    1 MB of capitalised words, each at half and full size.
//!
//! Divan options pass through: `cargo bench --bench pipeline -- corpus` runs one group.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::sync::LazyLock;
    use std::time::{Duration, Instant};

    use divan::counter::BytesCount;
    use divan::Bencher;
    use saywhere::{attribution, people, places, quotes, text};

    const SEEDS: [&str; 2] =
        [include_str!("../seeds/paris-summit-cnn.txt"), include_str!("../seeds/paris-talks-witkoff.txt")];

    /// The larger corpus: documents separated by form feeds (see scripts/bench-corpus.sh).
    static CORPUS: LazyLock<Option<Vec<String>>> = LazyLock::new(|| {
        let dir = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").into());
        let text = std::fs::read_to_string(format!("{dir}/bench-corpus.txt")).ok()?;
        Some(text.split('\u{c}').map(|d| d.trim_matches('\n').to_string()).filter(|d| !d.is_empty()).collect())
    });

    fn docs(name: &str) -> Vec<&'static str> {
        match name {
            "seeds" => SEEDS.to_vec(),
            _ => CORPUS.as_ref().map(|c| c.iter().map(String::as_str).collect()).unwrap_or_default(),
        }
    }

    fn corpora() -> Vec<&'static str> {
        if CORPUS.is_some() { vec!["seeds", "dev-corpus"] } else { vec!["seeds"] }
    }

    fn bytes(docs: &[&str]) -> usize {
        docs.iter().map(|d| d.len()).sum()
    }

    // ---- worst cases (issue 6) ----------------------------------------------------------

    /// `n` opening quotation marks that never close, one before each word.
    pub fn unmatched_quotes(n: usize) -> String {
        let words = ["alpha", "beta", "gamma", "delta", "word", "more", "text", "here"];
        let mut s = String::with_capacity(n * 8);
        for i in 0..n {
            s.push('“');
            s.push_str(words[i % words.len()]);
            s.push(if i % 10 == 9 { '.' } else { ' ' });
            if i % 10 == 9 {
                s.push(' ');
            }
        }
        s
    }

    /// About `len` bytes of ordinary prose on one line: sentences, names, places, a quote now
    /// and then, no line break anywhere.
    pub fn one_line(len: usize) -> String {
        const SENTENCES: [&str; 8] = [
            "The council met on Tuesday to discuss the new budget for the harbour.",
            "Maria Lindqvist, the finance minister, said the plan was sound.",
            "“We will not cut the schools,” said Lindqvist.",
            "Officials in Lyon and Berlin were not available for comment.",
            "Critics argued that the numbers did not add up, and the debate went on for hours.",
            "He told reporters that “the work is far from done” before leaving for Paris.",
            "The river rose by two metres overnight, flooding several streets near the old bridge.",
            "According to Tom Okafor, a local trader, prices have doubled since March.",
        ];
        let mut s = String::with_capacity(len + 100);
        let mut i = 0;
        while s.len() < len {
            s.push_str(SENTENCES[i % SENTENCES.len()]);
            s.push(' ');
            i += 1;
        }
        s
    }

    /// About `len` bytes of capitalised words (made-up names and real-looking ones), with
    /// a period now and then and a line break every few hundred words.
    pub fn capitalised(len: usize) -> String {
        const WORDS: [&str; 16] = [
            "John", "Smith", "Paris", "Council", "River", "North", "Mary", "Ahmed", "Green", "Party",
            "Minister", "Lyon", "Street", "Bank", "Ocean", "Doe",
        ];
        let mut s = String::with_capacity(len + 100);
        let mut i: usize = 0;
        let mut x: u32 = 12345;
        while s.len() < len {
            // A small LCG so the runs differ (not one word repeated) and the result is stable.
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            s.push_str(WORDS[(x >> 16) as usize % WORDS.len()]);
            i += 1;
            s.push_str(if i % 400 == 0 { ".\n" } else if i % 23 == 0 { ". " } else { " " });
        }
        s
    }

    type Case = (&'static str, fn(usize) -> String, usize);
    /// Each case at its full size; the half size is `size / 2`.
    const CASES: [Case; 3] = [
        ("unmatched_quotes_100k", unmatched_quotes, 100_000),
        ("one_line_5MB", one_line, 5_000_000),
        ("capitalised_1MB", capitalised, 1_000_000),
    ];

    // ---- the scaling report -------------------------------------------------------------

    /// Fastest of up to ten runs, as many as fit in about a second (at least one).
    fn time(f: &mut dyn FnMut()) -> Duration {
        let mut best = Duration::MAX;
        let start = Instant::now();
        for i in 0.. {
            let t = Instant::now();
            f();
            best = best.min(t.elapsed());
            if start.elapsed() > Duration::from_secs(1) || i >= 9 {
                break;
            }
        }
        best
    }

    /// The layers in pipeline order; each gets its inputs ready-made from the layers before.
    const LAYERS: [&str; 7] = [
        "text::Doc::new", "quotes::find", "places::find", "people::find", "places::resolve",
        "attribution::attribute", "annotate",
    ];

    /// Time each layer on one text, printing as it goes.
    fn layer_times(t: &str, report: &mut dyn FnMut(usize, Duration)) {
        report(0, time(&mut || drop(black_box(text::Doc::new(black_box(t))))));
        let doc = text::Doc::new(t);
        report(1, time(&mut || drop(black_box(quotes::find(black_box(t))))));
        let found = quotes::find(t);
        report(2, time(&mut || drop(black_box(places::find(black_box(&doc))))));
        let cands = places::find(&doc);
        report(3, time(&mut || drop(black_box(people::find(black_box(&doc), &cands)))));
        let ppl = people::find(&doc, &cands);
        report(4, time(&mut || drop(black_box(places::resolve(t, cands.clone(), &ppl)))));
        report(5, time(&mut || drop(black_box(attribution::attribute(&doc, &found, &ppl)))));
        report(6, time(&mut || drop(black_box(saywhere::annotate(black_box(t))))));
    }

    /// For each case: sizes full/8, /4, /2 and full, every layer timed at each; the ratio to
    /// the previous (half) size is printed. Stops doubling a case once annotating it takes
    /// more than 20 s (and says so): that case is super-linear.
    /// A text of about the given size.
    type Maker = Box<dyn Fn(usize) -> String>;
    /// Per case and layer: (first size, its time), (last size, its time).
    type Ends = Vec<(String, usize, [(usize, Duration); 2])>;

    fn scaling_report() {
        use std::io::Write;
        println!("Scaling: time at each size / time at half that size, per layer (2.0 = linear, 4.0 = quadratic)");
        let mut cases: Vec<(String, Maker, usize)> =
            CASES.iter().map(|&(name, make, n)| (name.to_string(), Box::new(make) as Maker, n)).collect();
        if let Some(c) = CORPUS.as_ref() {
            let all = c.join("\n\n");
            let n = all.len();
            cases.push(("dev-corpus as one text".into(), Box::new(move |len: usize| {
                let mut cut = len.min(all.len());
                while !all.is_char_boundary(cut) {
                    cut -= 1;
                }
                all[..cut].to_string()
            }), n));
        }
        let mut flagged: Vec<String> = Vec::new();
        let mut ends: Ends = Vec::new();
        // SAYWHERE_BENCH_CASE=one_line_5MB: only the cases whose name contains that (to profile one).
        let only = std::env::var("SAYWHERE_BENCH_CASE").unwrap_or_default();
        for (name, make, full) in cases.iter().filter(|c| c.0.contains(only.as_str())) {
            println!("  {name}");
            let mut prev: Option<[Duration; 7]> = None;
            for div in [8, 4, 2, 1] {
                let t = make(full / div);
                let mut cur = [Duration::ZERO; 7];
                print!("    {:>9} bytes:", t.len());
                layer_times(&t, &mut |i, d| {
                    cur[i] = d;
                    let ratio = prev.map(|p| d.as_secs_f64() / p[i].as_secs_f64().max(1e-9));
                    print!("  {} {:.1} ms{}", LAYERS[i], d.as_secs_f64() * 1e3, ratio.map_or(String::new(), |r| format!(" (x{r:.2})")));
                    let _ = std::io::stdout().flush();
                    match ends.iter_mut().find(|(n, l, _)| n == name && *l == i) {
                        Some(e) => e.2[1] = (t.len(), d),
                        None => ends.push((name.clone(), i, [(t.len(), d), (t.len(), d)])),
                    }
                });
                println!("  = {:.1} MB/s", t.len() as f64 / cur[6].as_secs_f64().max(1e-9) / 1e6);
                prev = Some(cur);
                if cur[6] > Duration::from_secs(20) && div > 1 {
                    println!("    stopped doubling: annotate took {:.1} s", cur[6].as_secs_f64());
                    flagged.push(format!("annotate on {name}: stopped at {} bytes", t.len()));
                    break;
                }
            }
        }
        // One run per size is noisy on a busy machine, so judge each layer on the whole range:
        // time ~ size^k, k from the smallest and the largest size. k = 1 is linear, 2 quadratic.
        println!("  Growth exponent k (time ~ size^k, from the smallest to the largest size; 1 = linear, 2 = quadratic):");
        for (name, i, [(s0, t0), (s1, t1)]) in &ends {
            if s1 <= s0 {
                continue;
            }
            let k = (t1.as_secs_f64().max(1e-9) / t0.as_secs_f64().max(1e-9)).ln() / (*s1 as f64 / *s0 as f64).ln();
            let slow = k > 1.3 && t1.as_secs_f64() > 0.02;
            if slow {
                flagged.push(format!("{} on {name}: k = {k:.2}", LAYERS[*i]));
            }
            if *i == 0 {
                print!("    {name}:");
            }
            print!("  {} {k:.2}{}", LAYERS[*i], if slow { " (!)" } else { "" });
            if *i == LAYERS.len() - 1 {
                println!();
            }
        }
        if flagged.is_empty() {
            println!("  every layer scales linearly (k <= 1.3)");
        } else {
            for f in &flagged {
                println!("  SUPER-LINEAR: {f}");
            }
        }
        println!();
    }

    pub fn main() {
        if std::env::var("SAYWHERE_BENCH_SCALING").as_deref() != Ok("0") {
            scaling_report();
        }
        divan::main();
    }

    // ---- divan groups -------------------------------------------------------------------

    #[divan::bench_group(sample_count = 20, sample_size = 1)]
    mod corpus {
        use super::*;

        fn run<O>(b: Bencher, name: &str, f: impl Fn(&'static str) -> O + Sync) {
            let d = docs(name);
            b.counter(BytesCount::new(bytes(&d))).bench(|| {
                for t in &d {
                    black_box(f(black_box(t)));
                }
            });
        }

        /// The whole pipeline: `saywhere::annotate`.
        #[divan::bench(args = corpora())]
        fn annotate(b: Bencher, name: &str) {
            run(b, name, saywhere::annotate);
        }

        #[divan::bench(args = corpora())]
        fn text_doc(b: Bencher, name: &str) {
            run(b, name, text::Doc::new);
        }

        #[divan::bench(args = corpora())]
        fn quotes_find(b: Bencher, name: &str) {
            run(b, name, quotes::find);
        }

        #[divan::bench(args = corpora())]
        fn places_find(b: Bencher, name: &str) {
            let d = docs(name);
            let prepared: Vec<_> = d.iter().map(|t| text::Doc::new(t)).collect();
            b.counter(BytesCount::new(bytes(&d))).bench(|| {
                for doc in &prepared {
                    black_box(places::find(black_box(doc)));
                }
            });
        }

        #[divan::bench(args = corpora())]
        fn people_find(b: Bencher, name: &str) {
            let d = docs(name);
            let prepared: Vec<_> = d.iter().map(|t| { let doc = text::Doc::new(t); let c = places::find(&doc); (doc, c) }).collect();
            b.counter(BytesCount::new(bytes(&d))).bench(|| {
                for (doc, c) in &prepared {
                    black_box(people::find(black_box(doc), c));
                }
            });
        }

        #[divan::bench(args = corpora())]
        fn places_resolve(b: Bencher, name: &str) {
            let d = docs(name);
            let prepared: Vec<_> = d.iter().map(|t| {
                let doc = text::Doc::new(t);
                let c = places::find(&doc);
                let p = people::find(&doc, &c);
                (c, p)
            }).collect();
            b.counter(BytesCount::new(bytes(&d))).bench(|| {
                for (t, (c, p)) in d.iter().zip(&prepared) {
                    black_box(places::resolve(t, c.clone(), black_box(p)));
                }
            });
        }

        #[divan::bench(args = corpora())]
        fn attribution_attribute(b: Bencher, name: &str) {
            let d = docs(name);
            let prepared: Vec<_> = d.iter().map(|t| {
                let doc = text::Doc::new(t);
                let q = quotes::find(t);
                let c = places::find(&doc);
                let p = people::find(&doc, &c);
                (doc, q, p)
            }).collect();
            b.counter(BytesCount::new(bytes(&d))).bench(|| {
                for (doc, q, p) in &prepared {
                    black_box(attribution::attribute(black_box(doc), q, p));
                }
            });
        }
    }

    #[divan::bench_group(sample_count = 3, sample_size = 1)]
    mod worst_case {
        use super::*;

        fn run(b: Bencher, which: usize, half: bool) {
            let (_, make, n) = CASES[which];
            let t = make(if half { n / 2 } else { n });
            b.counter(BytesCount::new(t.len())).bench(|| black_box(saywhere::annotate(black_box(&t))));
        }

        #[divan::bench(args = ["half", "full"])]
        fn unmatched_quotes_100k(b: Bencher, size: &str) {
            run(b, 0, size == "half");
        }

        #[divan::bench(args = ["half", "full"])]
        fn one_line_5mb(b: Bencher, size: &str) {
            run(b, 1, size == "half");
        }

        #[divan::bench(args = ["half", "full"])]
        fn capitalised_1mb(b: Bencher, size: &str) {
            run(b, 2, size == "half");
        }
    }
}
