//! The two seed articles against their hand-checked gold (tests/fixtures/seeds.gold.jsonl,
//! code-point offsets as in ../shared/eval/FORMAT.md): every gold quote is found, and with
//! the right speaker (same last name).

#![cfg(not(target_arch = "wasm32"))]

use saywhere::QuoteKind;

fn last_name(s: &str) -> String {
    s.split_whitespace().last().unwrap_or("").trim_end_matches("’s").trim_end_matches("'s").to_lowercase()
}

#[test]
fn seeds_every_quote_with_its_speaker() {
    let gold = include_str!("fixtures/seeds.gold.jsonl");
    let mut report = Vec::new();
    let mut bad = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = rec["text"].as_str().unwrap();
        let byte: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let ann = saywhere::annotate(text);
        for q in rec["quotes"].as_array().unwrap() {
            let (s, e) = (byte[q["start"].as_u64().unwrap() as usize], byte[q["end"].as_u64().unwrap() as usize]);
            let want = q["speaker"].as_str().unwrap_or("");
            let found = ann.quotes.iter().find(|p| p.kind != QuoteKind::NonSpeech && p.span.start < e && s < p.span.end);
            let got = found.and_then(|p| p.speaker).map(|i| ann.people[i].name.as_str());
            let ok = found.is_some() && got.map(last_name) == Some(last_name(want));
            if !ok {
                bad += 1;
            }
            report.push(format!("{} {:<60} want {:<22} got {:?}", if ok { "ok  " } else { "MISS" }, &text[s..e].chars().take(60).collect::<String>(), want, got));
        }
    }
    println!("{}", report.join("\n"));
    assert_eq!(bad, 0, "{bad} seed quotes missed or misattributed:\n{}", report.join("\n"));
}
