//! The small valid scenario a new case starts from (`motive-lab new`, File > New scenario).

/// The template's RON: `h` motives, `l` levers that cost money and change attacks differently
/// under different motives, `o` outcomes (attacks, cost, then others to fill in), one horizon,
/// two policies. Every number is marked as an assumption to replace.
pub fn scenario_template(h: usize, l: usize, o: usize) -> String {
    use std::fmt::Write as _;
    let mut t = String::from(
        "Scenario(format_version: 2, id: \"my-case\", title: \"A new case: why did they attack, and how should we respond?\",\n\
         summary: \"A template from motive-lab new: replace the motives, levers, outcomes and every number marked as an assumption.\",\n\
         sources: [(id: \"assumption\", citation: \"Replace with the source of each number\")],\n\
         hypotheses: [\n",
    );
    for i in 1..=h {
        let _ = writeln!(
            t,
            "(id: \"m{i}\", name: \"Motive {i}\", prior: 1.0, description: \"What this motive says and what would show it.\", source: \"assumption\"),"
        );
    }
    t.push_str("],\nlevers: [\n");
    for j in 1..=l {
        let _ = writeln!(
            t,
            "(id: \"lever{j}\", name: \"Lever {j}\", unit: \"% of full effort\", min: 0.0, max: 100.0, step: 10.0, default: 0.0, description: \"What this response does.\"),"
        );
    }
    t.push_str("],\noutcomes: [\n");
    for k in 1..=o {
        let (id, name, unit, worst) = match k {
            1 => ("attacks".to_owned(), "Attacks".to_owned(), "attacks/year", 20.0),
            2 => ("cost".to_owned(), "Cost of the response".to_owned(), "$bn/year", 50.0),
            _ => (format!("outcome{k}"), format!("Outcome {k}"), "units/year", 100.0),
        };
        let _ = writeln!(
            t,
            "(id: \"{id}\", name: \"{name}\", unit: \"{unit}\", better: Lower, worst: {worst:?}, best: 0.0, role: End, description: \"What this outcome counts.\"),"
        );
    }
    t.push_str("],\nhorizons: [(id: \"year1\", name: \"Year 1\", years: 1.0)],\nbaselines: [\n");
    let outcome_id = |k: usize| match k {
        1 => "attacks".to_owned(),
        2 => "cost".to_owned(),
        _ => format!("outcome{k}"),
    };
    for k in 1..=o {
        let value = if k == 1 { 10.0 } else { 0.0 };
        let _ = writeln!(
            t,
            "(outcome: \"{}\", horizon: \"year1\", value: {value:?}, note: \"assumption: the level with no response\"),",
            outcome_id(k)
        );
    }
    t.push_str("],\neffects: [\n");
    for j in 1..=l {
        // Under one motive the lever cuts attacks; under the next it is what the attackers
        // wanted and adds to them: the motive decides what it does.
        let cuts = (j - 1) % h + 1;
        let _ = writeln!(
            t,
            "(outcome: \"attacks\", horizon: \"year1\", hypothesis: Some(\"m{cuts}\"), driver: Lever(\"lever{j}\"), curve: Linear(-0.05), range: (0.5, 1.5), note: \"assumption: under motive {cuts} this lever cuts attacks\"),"
        );
        if h > 1 {
            let backfires = cuts % h + 1;
            let _ = writeln!(
                t,
                "(outcome: \"attacks\", horizon: \"year1\", hypothesis: Some(\"m{backfires}\"), driver: Lever(\"lever{j}\"), curve: Linear(0.03), range: (0.5, 1.5), note: \"assumption: under motive {backfires} this lever is what the attackers wanted\"),"
            );
        }
        if o > 1 {
            let _ = writeln!(
                t,
                "(outcome: \"cost\", horizon: \"year1\", driver: Lever(\"lever{j}\"), curve: Linear(0.1), range: (0.5, 1.5), note: \"assumption: the lever's cost\"),"
            );
        }
    }
    let levers = |x: f64| {
        (1..=l)
            .map(|j| format!("\"lever{j}\": {x:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = write!(
        t,
        "],\npolicies: [\n(id: \"none\", name: \"No response\", levers: {{{}}}),\n(id: \"full\", name: \"Every lever at full effort\", levers: {{{}}}),\n],\n)\n",
        levers(0.0),
        levers(100.0)
    );
    t
}

/// The texts the template and the editor's new items hold until the author writes their own.
pub const PLACEHOLDERS: [&str; 6] = [
    "A template from motive-lab new: replace the motives, levers, outcomes and every number marked as an assumption.",
    "Replace with the source of each number",
    "What this motive says and what would show it.",
    "What this response does.",
    "What this outcome counts.",
    "assumption: replace with where this effect comes from",
];

/// The fields of `s` that still hold a placeholder of the template's, as `section[index].field`
/// paths (the same paths as a problem's).
#[must_use]
pub fn placeholders(s: &crate::model::scenario::Scenario) -> Vec<String> {
    let mut out = Vec::new();
    let mut look = |path: String, text: &str| {
        if PLACEHOLDERS.contains(&text.trim()) {
            out.push(path);
        }
    };
    look("summary".into(), &s.summary);
    for (i, x) in s.sources.iter().enumerate() {
        look(format!("sources[{i}].citation"), &x.citation);
    }
    for (i, x) in s.hypotheses.iter().enumerate() {
        look(format!("hypotheses[{i}].description"), &x.description);
    }
    for (i, x) in s.levers.iter().enumerate() {
        look(format!("levers[{i}].description"), &x.description);
    }
    for (i, x) in s.outcomes.iter().enumerate() {
        look(format!("outcomes[{i}].description"), &x.description);
    }
    for (i, x) in s.effects.iter().enumerate() {
        look(format!("effects[{i}].note"), &x.note);
    }
    out
}

/// The note a scenario with placeholders gets on opening (and from `motive-lab check`).
#[must_use]
pub fn placeholder_notice(s: &crate::model::scenario::Scenario) -> Option<String> {
    let at = placeholders(s);
    let n = at.len();
    (n > 0).then(|| {
        format!(
            "{n} field{} still hold{} the template's placeholder text: {}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
            at.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_placeholders_are_found_and_a_written_text_is_not() {
        let s: crate::model::scenario::Scenario = ron::from_str(&scenario_template(2, 1, 2)).expect("parses");
        // The summary, the citation, 2 motives, 1 lever, 2 outcomes.
        let at = placeholders(&s);
        assert_eq!(
            at,
            [
                "summary",
                "sources[0].citation",
                "hypotheses[0].description",
                "hypotheses[1].description",
                "levers[0].description",
                "outcomes[0].description",
                "outcomes[1].description",
            ]
        );
        let mut s = s;
        s.levers[0].description = "Withdraw the troops from Iraq by June.".into();
        assert!(!placeholders(&s).contains(&"levers[0].description".to_owned()));
        // The shipped cases have none.
        for c in crate::io::SHIPPED_SCENARIOS {
            let s: crate::model::scenario::Scenario = ron::from_str(c.text).expect("parses");
            assert_eq!(placeholder_notice(&s), None, "{}", c.id);
        }
    }
}
