//! Whole-article snapshots: the annotated seed articles rendered as text, compared with
//! `tests/snapshots/*.txt`. When the output changes on purpose, regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` and read the diff before committing.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;

fn render(text: &str) -> String {
    let a = saywhere::annotate(text);
    let mut out = String::new();
    for q in &a.quotes {
        let who = q.speaker.map_or("-".to_string(), |i| a.people[i].name.clone());
        let rule = q.rule.map_or("-", |r| r.name());
        let _ = writeln!(out, "quote {:?} [{}] speaker {} rule {} confidence {:.2}", q.span.text(text), saywhere::export::quote_kind_name(q.kind), who, rule, q.confidence);
    }
    for e in &a.people {
        let _ = writeln!(out, "entity {:?} {:?} role {:?} aliases {:?} mentions {}", e.kind, e.name, e.role, e.aliases, e.mentions.len());
    }
    for p in &a.places {
        let _ = writeln!(out, "place {:?} -> {} ({}, {}) candidates {}", p.span.text(text), p.name, p.kind.name(), p.country.unwrap_or("-"), p.candidates);
    }
    out
}

fn snapshot(name: &str, text: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.txt"));
    let got = render(text);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if want != got {
        let diff: Vec<String> = want
            .lines()
            .filter(|l| !got.lines().any(|g| g == *l))
            .map(|l| format!("- {l}"))
            .chain(got.lines().filter(|g| !want.lines().any(|l| l == *g)).map(|g| format!("+ {g}")))
            .collect();
        panic!("snapshot {name} changed (UPDATE_SNAPSHOTS=1 to accept):\n{}", diff.join("\n"));
    }
}

#[test]
fn seed_paris_summit_cnn() {
    snapshot("paris-summit-cnn", include_str!("../seeds/paris-summit-cnn.txt"));
}

#[test]
fn seed_paris_talks_witkoff() {
    snapshot("paris-talks-witkoff", include_str!("../seeds/paris-talks-witkoff.txt"));
}
