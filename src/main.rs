//! The `saywhere` command line: annotate files, and print evaluation records.
//!
//! `saywhere annotate FILE|-` prints the annotations (`--format json|text`);
//! `saywhere annotate --jsonl FILE|-` reads `{"id":..,"text":..}` records, one a line, and
//! prints one JSON record a line in input order, annotating on every core (rayon);
//! `saywhere eval GOLD.jsonl` prints one prediction record a line for
//! `../shared/eval/score.py` (code-point offsets, FORMAT.md).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{self, BufRead, BufWriter, Read, Write};

    use rayon::prelude::*;
    use std::path::PathBuf;
    use std::process::ExitCode;

    use clap::{Parser, Subcommand, ValueEnum};
    use saywhere::export::{self, Unit};
    use saywhere::{Annotations, QuoteKind};

    #[derive(Parser)]
    #[command(name = "saywhere", version, about = "Who said what, and where: quotes, speakers and places in news text")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Annotate a text file (or `-` for standard input) and print the result.
        Annotate {
            /// The file to read; `-` reads standard input.
            file: PathBuf,
            /// Output format.
            #[arg(long, value_enum, default_value_t = Format::Text)]
            format: Format,
            /// Offsets in the JSON output.
            #[arg(long, value_enum, default_value_t = OffsetUnit::CodePoints)]
            offsets: OffsetUnit,
            /// Batch mode: the input is JSONL, one `{"id": .., "text": ..}` record a line; the
            /// output is one JSON record a line (`{"id": .., "schema": .., ...}`), in input
            /// order, annotated on every core (set RAYON_NUM_THREADS to use fewer).
            #[arg(long)]
            jsonl: bool,
        },
        /// Read gold records (JSONL, FORMAT.md) and print one prediction record per line.
        Eval {
            /// The gold JSONL file; `-` reads standard input.
            gold: PathBuf,
        },
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Json,
        Text,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum OffsetUnit {
        Bytes,
        CodePoints,
        Utf16,
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let result = match cli.command {
            Command::Annotate { file, offsets, jsonl: true, .. } => batch(&file, offsets.into()),
            Command::Annotate { file, format, offsets, jsonl: false } => annotate(&file, format, offsets),
            Command::Eval { gold } => eval(&gold),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("saywhere: {e}");
                ExitCode::FAILURE
            }
        }
    }

    fn read_input(path: &PathBuf) -> io::Result<Vec<u8>> {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            io::stdin().read_to_end(&mut buf)?;
            Ok(buf)
        } else {
            std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        }
    }

    /// Decode bytes as UTF-8 (BOM stripped), UTF-16 with a BOM, or else Windows-1252.
    fn decode(bytes: &[u8]) -> io::Result<String> {
        if bytes.iter().take(8192).filter(|&&b| b == 0).count() > 0
            && !(bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]))
        {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "this looks like a binary file, not text"));
        }
        if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            return Ok(String::from_utf8_lossy(rest).into_owned());
        }
        let utf16 = |le: bool, b: &[u8]| {
            let units: Vec<u16> = b
                .chunks_exact(2)
                .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
                .collect();
            String::from_utf16_lossy(&units)
        };
        if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
            return Ok(utf16(true, rest));
        }
        if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
            return Ok(utf16(false, rest));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Ok(bytes.iter().map(|&b| cp1252(b)).collect()),
        }
    }

    fn cp1252(b: u8) -> char {
        const HIGH: [char; 32] = [
            '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}',
            '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
        ];
        match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => b as char,
        }
    }

    impl From<OffsetUnit> for Unit {
        fn from(u: OffsetUnit) -> Unit {
            match u {
                OffsetUnit::Bytes => Unit::Bytes,
                OffsetUnit::CodePoints => Unit::CodePoints,
                OffsetUnit::Utf16 => Unit::Utf16,
            }
        }
    }

    fn annotate(file: &PathBuf, format: Format, offsets: OffsetUnit) -> io::Result<()> {
        let text = decode(&read_input(file)?)?;
        let ann = saywhere::annotate(&text);
        let mut out = BufWriter::new(io::stdout().lock());
        match format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &export::document(&text, &ann, offsets.into()))?;
                writeln!(out)?;
            }
            Format::Text => write_text(&mut out, &text, &ann)?,
        }
        out.flush()
    }

    fn one_line(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn write_text(out: &mut impl Write, text: &str, ann: &Annotations) -> io::Result<()> {
        let speech: Vec<_> = ann.quotes.iter().filter(|q| q.kind != QuoteKind::NonSpeech).collect();
        writeln!(out, "Quotes ({})", speech.len())?;
        for q in &speech {
            let who = q.speaker.and_then(|i| ann.people.get(i)).map_or("(no speaker)", |e| e.name.as_str());
            let why = match (q.rule, q.cue) {
                (Some(r), Some(c)) => format!("{}, cue “{}”, {:.2}", r.name(), one_line(c.text(text)), q.confidence),
                (Some(r), None) => format!("{}, {:.2}", r.name(), q.confidence),
                _ => String::new(),
            };
            writeln!(out, "  {:<8} {} — {}  [{}]", export::quote_kind_name(q.kind), one_line(q.span.text(text)), who, why)?;
        }
        let scare: Vec<_> = ann.quotes.iter().filter(|q| q.kind == QuoteKind::NonSpeech).collect();
        if !scare.is_empty() {
            writeln!(out, "Not speech ({})", scare.len())?;
            for q in scare {
                writeln!(out, "  {}", one_line(q.span.text(text)))?;
            }
        }
        for (label, kind) in [("People", saywhere::EntityKind::Person), ("Organisations", saywhere::EntityKind::Organisation)] {
            let group: Vec<_> = ann.people.iter().filter(|e| e.kind == kind).collect();
            writeln!(out, "{label} ({})", group.len())?;
            write_entities(out, &group)?;
        }
        writeln!(out, "Places ({})", ann.places.len())?;
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for p in &ann.places {
            match seen.iter_mut().find(|(n, _)| *n == p.name) {
                Some(s) => s.1 += 1,
                None => seen.push((&p.name, 1)),
            }
        }
        for (name, n) in seen {
            let p = ann.places.iter().find(|p| p.name == name).expect("seen from places");
            writeln!(out, "  {} ({}{}) ×{}", name, p.kind.name(), p.country.map_or(String::new(), |c| format!(", {c}")), n)?;
        }
        Ok(())
    }

    fn write_entities(out: &mut impl Write, group: &[&saywhere::Entity]) -> io::Result<()> {
        for e in group {
            let aliases = if e.aliases.is_empty() { String::new() } else { format!(" ← {}", e.aliases.join(", ")) };
            let role = e.role.as_ref().map_or(String::new(), |r| format!(", {r}"));
            writeln!(out, "  {}{}{} ×{}", e.name, role, aliases, e.mentions.len())?;
        }
        Ok(())
    }

    #[derive(serde::Deserialize)]
    struct GoldRecord {
        id: serde_json::Value,
        #[serde(default)]
        text: String,
    }

    fn open_lines(path: &PathBuf) -> io::Result<Box<dyn BufRead>> {
        Ok(if path.as_os_str() == "-" {
            Box::new(io::BufReader::new(io::stdin().lock()))
        } else {
            let f = std::fs::File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            Box::new(io::BufReader::with_capacity(1 << 16, f))
        })
    }

    #[derive(serde::Deserialize)]
    struct BatchInput {
        #[serde(default)]
        id: serde_json::Value,
        text: String,
    }

    #[derive(serde::Serialize)]
    struct BatchOutput<'a> {
        id: &'a serde_json::Value,
        #[serde(flatten)]
        document: export::Document,
    }

    #[derive(serde::Serialize)]
    struct BatchError<'a> {
        id: &'a serde_json::Value,
        line: usize,
        error: String,
    }

    /// One output line (without its newline) for input line number `n` (1-based).
    fn batch_line(n: usize, line: &[u8], unit: Unit) -> Vec<u8> {
        let rec: BatchInput = match serde_json::from_slice(line) {
            Ok(r) => r,
            Err(e) => {
                // Keep the id if the line has one, so the record can still be matched up.
                let id = serde_json::from_slice::<serde_json::Value>(line)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or(serde_json::Value::Null);
                let err = BatchError { id: &id, line: n, error: format!("not a {{\"id\", \"text\"}} record: {e}") };
                return serde_json::to_vec(&err).expect("plain values serialise");
            }
        };
        let ann = saywhere::annotate(&rec.text);
        let out = BatchOutput { id: &rec.id, document: export::document(&rec.text, &ann, unit) };
        serde_json::to_vec(&out).expect("plain values serialise")
    }

    /// Batch mode: read JSONL in chunks, annotate each chunk's records in parallel, write
    /// them in input order. Memory stays bounded by the chunk size; blank lines are skipped;
    /// a line that is not a record gives an `{"id", "line", "error"}` record in its place.
    fn batch(file: &PathBuf, unit: Unit) -> io::Result<()> {
        const CHUNK_BYTES: usize = 8 << 20;
        const CHUNK_LINES: usize = 4096;
        let mut input = open_lines(file)?;
        let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
        let mut n = 0;
        let mut eof = false;
        while !eof {
            let mut chunk: Vec<(usize, Vec<u8>)> = Vec::new();
            let mut size = 0;
            while size < CHUNK_BYTES && chunk.len() < CHUNK_LINES {
                let mut line = Vec::new();
                if input.read_until(b'\n', &mut line)? == 0 {
                    eof = true;
                    break;
                }
                n += 1;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                size += line.len();
                chunk.push((n, line));
            }
            let results: Vec<Vec<u8>> = chunk.par_iter().map(|(n, line)| batch_line(*n, line, unit)).collect();
            for r in results {
                out.write_all(&r)?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()
    }

    fn eval(gold: &PathBuf) -> io::Result<()> {
        let input = open_lines(gold)?;
        let mut out = BufWriter::new(io::stdout().lock());
        for (n, line) in input.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let rec: GoldRecord = match serde_json::from_str(&line) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("saywhere: line {}: not a record: {e}", n + 1);
                    continue;
                }
            };
            let id = match rec.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            let ann = saywhere::annotate(&rec.text);
            serde_json::to_writer(&mut out, &export::eval_record(id, &rec.text, &ann))?;
            writeln!(out)?;
        }
        out.flush()
    }
}
