//! Fuzz target: see `motive_lab::checks::document_text` for what is run and checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| motive_lab::checks::document_text(data));
