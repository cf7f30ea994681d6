//! The fixture suite and the JS-facing API under WebAssembly, in Node.
//! Run with `cargo test --target wasm32-unknown-unknown` (runner in .cargo/config.toml).
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn fixtures_wasm() {
    let (n, errs) = common::run_all(saywhere::annotate);
    assert!(n > 0, "no fixture ran");
    assert!(errs.is_empty(), "{} fixture checks failed:\n{}", errs.len(), errs.join("\n"));
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

fn array(v: &JsValue, key: &str) -> js_sys::Array {
    get(v, key).dyn_into::<js_sys::Array>().expect("array")
}

use wasm_bindgen::JsCast;

/// Every UTF-16 range the JS API returns slices, in JS, the same text as the core's byte span.
fn check_offsets(text: &str) {
    let native = saywhere::annotate(text);
    let js = saywhere::wasm::annotate(text).expect("annotate");
    let s = js_sys::JsString::from(text);
    let slice = |a: &JsValue, b: &JsValue| -> String { String::from(s.slice(a.as_f64().unwrap() as u32, b.as_f64().unwrap() as u32)) };
    let quotes = array(&js, "quotes");
    assert_eq!(quotes.length() as usize, native.quotes.len());
    for (i, q) in native.quotes.iter().enumerate() {
        let jq = quotes.get(i as u32);
        assert_eq!(slice(&get(&jq, "start"), &get(&jq, "end")), q.span.text(text));
        assert_eq!(slice(&get(&jq, "content_start"), &get(&jq, "content_end")), q.content.text(text));
        if let Some(m) = q.speaker_mention {
            assert_eq!(slice(&get(&jq, "speaker_start"), &get(&jq, "speaker_end")), m.text(text));
        }
        if let Some(c) = q.cue {
            assert_eq!(slice(&get(&jq, "cue_start"), &get(&jq, "cue_end")), c.text(text));
        }
    }
    let places = array(&js, "places");
    assert_eq!(places.length() as usize, native.places.len());
    for (i, p) in native.places.iter().enumerate() {
        let jp = places.get(i as u32);
        assert_eq!(slice(&get(&jp, "start"), &get(&jp, "end")), p.span.text(text));
    }
    let people = array(&js, "people");
    for (i, e) in native.people.iter().enumerate() {
        let mentions = array(&people.get(i as u32), "mentions");
        for (j, m) in e.mentions.iter().enumerate() {
            let jm = mentions.get(j as u32);
            assert_eq!(slice(&get(&jm, "start"), &get(&jm, "end")), m.span.text(text));
        }
    }
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_the_same_text() {
    for text in common::all_texts() {
        check_offsets(&text);
    }
    for text in [
        "😀😀 “We won 𝔸,” said Clara Mendes in Lisbon.\r\n“Again,” she said.",
        "Zoe\u{308} Martin said: “Cafe\u{301} 👍🏽 is back.”",
        "",
        "\u{feff}“x” y",
    ] {
        check_offsets(text);
    }
}

#[wasm_bindgen_test]
fn deterministic_and_versioned() {
    let t = "“We will win,” said Jane Smith in Paris.";
    let a = js_sys::JSON::stringify(&saywhere::wasm::annotate(t).unwrap()).unwrap();
    let b = js_sys::JSON::stringify(&saywhere::wasm::annotate(t).unwrap()).unwrap();
    assert_eq!(String::from(a), String::from(b));
    assert!(saywhere::wasm::version().contains("saywhere/1"));
}
