//! "What would you have to believe?": for a named policy, the smallest move of credence that
//! makes it the best of the named policies (an exact linear programme, from the uncertainty
//! study), in words, with the credences it needs and a button to set them.

use crate::model::document::Edit;
use crate::model::uncertainty::describe;
use crate::ui::ctx::ViewCtx;
use egui::RichText;

/// The panel for named policy `picked` (kept in range here).
pub fn believe_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, picked: &mut usize) {
    let s = &ctx.doc.scenario;
    if s.policies.is_empty() {
        return;
    }
    *picked = (*picked).min(s.policies.len() - 1);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("What would you have to believe for").strong());
        egui::ComboBox::from_label(RichText::new("to be best?").strong())
            .selected_text(&s.policies[*picked].name)
            .show_ui(ui, |ui| {
                for (p, policy) in s.policies.iter().enumerate() {
                    ui.selectable_value(picked, p, &policy.name);
                }
            });
    });
    let settings = ctx.settings().clone();
    let Some(st) = ctx.derived.fresh_study(&settings) else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Working it out for these settings…");
        });
        return;
    };
    let model = ctx.derived.model();
    let name = &s.policies[*picked].name;
    let w = &st.analysis.leaf_weights;
    match st.beliefs.get(*picked).and_then(Option::as_ref) {
        None if model.n_questions() > 1 => {
            ui.label(format!(
                "No change of one question's credences (the others as they are) makes {name} the best of the named policies."
            ));
        }
        None => {
            ui.label(format!(
                "No belief about the motive makes {name} the best of the named policies: under every theory another one does better."
            ));
        }
        Some(b) if b.distance < 0.005 => {
            ui.label(format!("{name} is already the best named policy at these credences."));
        }
        Some(b) => {
            let words = describe(s, model, b, w);
            let weights = b.weights.clone();
            ui.horizontal_wrapped(|ui| {
                ui.label(format!(
                    "{name} becomes the best named policy if you {words}; no smaller change of credence does it."
                ));
                if ui
                    .button("Set these credences")
                    .on_hover_text(
                        "Set the credence sliders to the nearest credences at which this policy is best (undoable).",
                    )
                    .clicked()
                {
                    ctx.edit(Edit::LeafWeights(weights));
                }
            });
        }
    }
}
