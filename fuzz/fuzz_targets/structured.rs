//! Fuzz target: see `motive_lab::checks::structured` for what is run and checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| motive_lab::checks::structured(data));
