//! How the editor names a scenario's items and where a problem is ("Lever 1 (airstrikes),
//! min"), for its rows and its problems list.

use crate::model::draft::{Item, problem_item};

/// An item's kind as the editor names its rows ("Lever 1").
pub(super) fn kind(item: Item) -> &'static str {
    match item {
        Item::Question => "Question",
        Item::Hypothesis => "Hypothesis",
        Item::Lever => "Lever",
        Item::Outcome => "Outcome",
        Item::Horizon => "Horizon",
        Item::Baseline => "Baseline",
        Item::Effect => "Effect",
        Item::Policy => "Policy",
        Item::Evidence => "Evidence",
        Item::Source => "Source",
        Item::Parameter => "Shared parameter",
        Item::Fact => "Fact",
    }
}

/// Where a problem is, in the editor's words: `levers[0].min` is "Lever 1 (airstrikes), min".
pub(super) fn place(s: &crate::model::scenario::Scenario, path: &str) -> String {
    let Some((item, i)) = problem_item(path) else {
        return path.to_owned();
    };
    let kind = kind(item);
    let id = item.ids(s).get(i).map(|id| format!(" ({id})")).unwrap_or_default();
    let field = path
        .split_once(']')
        .map_or("", |(_, rest)| rest.trim_start_matches('.'));
    let field = if field.is_empty() {
        String::new()
    } else {
        format!(", {field}")
    };
    format!("{kind} {}{id}{field}", i + 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_problems_place_is_named_as_the_editor_names_it() {
        let text = crate::io::shipped_scenario_text("paris-2015").expect("shipped");
        let s: crate::model::scenario::Scenario = ron::from_str(text).expect("parses");
        assert_eq!(super::place(&s, "levers[0].min"), "Lever 1 (airstrikes), min");
        assert_eq!(super::place(&s, "effects[2]"), "Effect 3");
        assert_eq!(super::place(&s, "numeraire"), "numeraire");
    }
}
