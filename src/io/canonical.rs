//! The canonical layout of a scenario file, as `motive-lab fmt` writes it: the fields in the
//! order `docs/file-format.md` documents them (the order of the types), each item of a list on
//! a line of its own, and every number written so that it reads back to the same bits.

use crate::model::scenario::Scenario;

/// The first line of a scenario `fmt` wrote.
fn header(s: &Scenario) -> String {
    format!(
        "// Motive Lab scenario \"{}\" (revision {}), laid out by `motive-lab fmt`: notes, sources and descriptions are fields, so nothing lives in comments.\n",
        s.id, s.revision
    )
}

/// A scenario as canonical RON text: one header comment, then the scenario, each item of a list
/// on a line of its own.
///
/// # Errors
/// If serialisation fails.
pub fn scenario_text(s: &Scenario) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned())
        .depth_limit(2);
    let mut text = header(s);
    text.push_str(&ron::ser::to_string_pretty(s, config)?);
    text.push('\n');
    Ok(text)
}
