//! What the uncertainty study adds around its charts: the settings its search found (to adopt,
//! above the Uncertainty tab and the decision matrix), and how many samples it took when a large
//! scenario's budget binds.

use crate::model::uncertainty::Found;
use crate::ui::ctx::{Command, ViewCtx};
use egui::RichText;

/// The settings the search found, on one row: a button each to adopt them, their levers on
/// hover.
pub fn found_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, found: &[Found]) {
    let s = std::sync::Arc::clone(&ctx.doc.scenario);
    ui.horizontal_wrapped(|ui| {
        ui.label("Settings found by a search on the lever steps:");
        for f in found {
            let levers: Vec<String> = (s.levers.iter().enumerate())
                .map(|(i, l)| format!("{} {} {}", l.name, s.lever_plan(&f.candidate.levers, i), l.unit))
                .collect();
            let same = f
                .same_as
                .map(|p| format!("The same as {}.\n", s.policies[p].name))
                .unwrap_or_default();
            if ui
                .button(format!("Adopt {}", crate::format::in_sentence(&f.candidate.name)))
                .on_hover_text(format!(
                    "{same}{}\nSets every lever to these settings (undoable).",
                    levers.join("\n")
                ))
                .clicked()
            {
                ctx.send(Command::AdoptSample(f.candidate.levers.clone()));
            }
        }
    });
}

/// On a scenario so large that the study's budgets bind, say what was scaled down and why.
pub fn budget_note(
    ui: &mut egui::Ui,
    scenario: &crate::model::scenario::Scenario,
    st: &crate::model::uncertainty::Study,
) {
    use crate::model::uncertainty::{Budget, DEFAULT_SAMPLES, evaluation_work};
    let mut parts = Vec::new();
    // What the scenario's size allows the full study (a quick study's 1,000 samples while a
    // slider moves are said where the figures are, not here), so the note stays put.
    let full = Budget::for_study(scenario, DEFAULT_SAMPLES).samples;
    if full < DEFAULT_SAMPLES {
        parts.push(format!(
            "{} samples, not {}",
            crate::format::count(full),
            crate::format::count(DEFAULT_SAMPLES)
        ));
    }
    let unknowns = st.mc.voi.parameters.len();
    if st.budget.tornado_unknowns < unknowns {
        parts.push(format!(
            "a tornado of the {} unknowns most worth learning, of {}",
            st.budget.tornado_unknowns,
            crate::format::count(unknowns)
        ));
    }
    if parts.is_empty() {
        return;
    }
    ui.label(
        RichText::new(format!(
            "This scenario is large (one evaluation of a policy is {} units of work), so the study is scaled down to stay within seconds: {}. Its estimates are rougher; the command line's uncertainty command takes more samples when asked.",
            crate::format::count(evaluation_work(scenario)),
            parts.join(", ")
        ))
        .small(),
    );
}
