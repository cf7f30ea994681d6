//! The batch mode of the command line: `saywhere annotate --jsonl` on a small JSONL input of
//! our own texts. One output record a line, in input order, with the input's ids; the same
//! annotations as the single-file mode; bad lines give an error record in their place.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

fn run(args: &[&str], stdin: &str, threads: &str) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_saywhere"))
        .args(args)
        .env("RAYON_NUM_THREADS", threads)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the saywhere binary runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("saywhere finishes");
    (String::from_utf8(out.stdout).expect("utf-8 output"), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.success())
}

const TEXTS: [&str; 4] = [
    "“We will rebuild the harbour,” said Mayor Anna Keller in Hamburg on Friday.",
    "Tomas Ruiz, the coach, was blunt. “We played badly,” he said.\n\nThe team flies to Madrid next week.",
    "Nothing quoted here, and nobody named.",
    "Officials in Nairobi said the road would reopen. “It is safe now,” Grace Wanjiru told reporters.",
];

fn input() -> String {
    let mut s = String::new();
    for (i, t) in TEXTS.iter().enumerate() {
        // Ids of both kinds: strings and numbers are passed through as they are.
        let id = if i % 2 == 0 { json!(format!("doc-{i}")) } else { json!(i) };
        s.push_str(&json!({ "id": id, "text": t }).to_string());
        s.push('\n');
        if i == 1 {
            s.push('\n'); // a blank line is skipped
        }
    }
    s
}

fn records(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).expect("each output line is one JSON record")).collect()
}

#[test]
fn one_record_per_input_line_in_order_with_ids() {
    let (stdout, stderr, ok) = run(&["annotate", "--jsonl", "-"], &input(), "2");
    assert!(ok, "exit status: {stderr}");
    let recs = records(&stdout);
    assert_eq!(recs.len(), TEXTS.len());
    let ids: Vec<Value> = recs.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, vec![json!("doc-0"), json!(1), json!("doc-2"), json!(3)]);
    for r in &recs {
        assert_eq!(r["schema"], json!(saywhere::export::SCHEMA));
        assert_eq!(r["offsets"], json!("code_points"));
    }
    // Real annotations, not empty shells.
    let speaker = |r: &Value| -> Vec<String> {
        r["quotes"].as_array().unwrap().iter().filter_map(|q| q["speaker_name"].as_str().map(String::from)).collect()
    };
    assert_eq!(speaker(&recs[0]), vec!["Anna Keller"]);
    assert_eq!(speaker(&recs[1]), vec!["Tomas Ruiz"]);
    assert!(recs[2]["quotes"].as_array().unwrap().is_empty());
    let places: Vec<&str> = recs[3]["places"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(places, vec!["Nairobi"]);
}

#[test]
fn batch_records_match_single_file_mode() {
    let (stdout, _, ok) = run(&["annotate", "--jsonl", "--offsets", "utf16", "-"], &input(), "2");
    assert!(ok);
    for (rec, text) in records(&stdout).iter().zip(TEXTS) {
        let (single, _, ok) = run(&["annotate", "--format", "json", "--offsets", "utf16", "-"], text, "1");
        assert!(ok);
        let mut single: Value = serde_json::from_str(&single).unwrap();
        single["id"] = rec["id"].clone();
        assert_eq!(rec, &single);
    }
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    // Enough records that both threads get a share of the work.
    let mut many = String::new();
    for i in 0..300 {
        many.push_str(&json!({ "id": i, "text": TEXTS[i % TEXTS.len()] }).to_string());
        many.push('\n');
    }
    let (one, _, ok1) = run(&["annotate", "--jsonl", "-"], &many, "1");
    let (two, _, ok2) = run(&["annotate", "--jsonl", "-"], &many, "2");
    assert!(ok1 && ok2);
    assert_eq!(one, two);
    let ids: Vec<u64> = records(&one).iter().map(|r| r["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..300).collect::<Vec<u64>>());
}

#[test]
fn a_bad_line_gives_an_error_record_in_its_place() {
    let input = format!(
        "{}\n{{\"id\": \"broken\", \"txt\": \"no text field\"}}\nnot json at all\n{}\n",
        json!({"id": "a", "text": TEXTS[0]}),
        json!({"id": "b", "text": TEXTS[3]})
    );
    let (stdout, stderr, ok) = run(&["annotate", "--jsonl", "-"], &input, "2");
    assert!(ok, "{stderr}");
    let recs = records(&stdout);
    assert_eq!(recs.len(), 4);
    assert_eq!(recs[0]["id"], json!("a"));
    assert_eq!(recs[1]["id"], json!("broken"));
    assert_eq!(recs[1]["line"], json!(2));
    assert!(recs[1]["error"].as_str().unwrap().contains("text"));
    assert_eq!(recs[2]["id"], Value::Null);
    assert_eq!(recs[2]["line"], json!(3));
    assert_eq!(recs[3]["id"], json!("b"));
    assert!(recs[3].get("error").is_none());
}

#[test]
fn a_place_no_gazetteer_entry_locates_has_null_coordinates() {
    // "Walker County" is known only by its suffix; Nairobi is in the gazetteer.
    let (stdout, _, ok) = run(&["annotate", "--format", "json", "-"], "Roads in Walker County and in Nairobi were closed.", "1");
    assert!(ok);
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let places = doc["places"].as_array().unwrap();
    let walker = places.iter().find(|p| p["name"] == json!("Walker County")).expect("Walker County found");
    assert!(walker["lat"].is_null() && walker["lon"].is_null(), "{walker}");
    let nairobi = places.iter().find(|p| p["name"] == json!("Nairobi")).expect("Nairobi found");
    assert!((nairobi["lat"].as_f64().unwrap() + 1.3).abs() < 0.5, "{nairobi}");
}
