//! The documents a packaged user needs, shipped inside the app and shown in a window: the file
//! format with its exact mathematics, and the command line.

use crate::format::{fixed, number};
use crate::model::explain::{amount, in_units, verdict};
use crate::model::scenario::Role;
use crate::ui::ctx::{View, ViewCtx};
use crate::ui::theme::HELP_KEY_WIDTH;
use egui::RichText;

pub use crate::ui::command::Doc;

/// Width of the first-steps page.
const FIRST_STEPS_WIDTH: f32 = 600.0;

/// The help window; shows one document or nothing.
#[derive(Debug, Default)]
pub struct HelpView {
    /// The document shown, if any.
    pub open: Option<Doc>,
}

impl HelpView {
    /// Show `doc`.
    pub fn show(&mut self, doc: Doc) {
        self.open = Some(doc);
    }
}

impl View for HelpView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = self.open else { return };
        let mut open = true;
        let terms = (doc == Doc::Meaning).then(|| glossary(ctx));
        let mut window = egui::Window::new(doc.title())
            .open(&mut open)
            .default_size([720.0, 560.0])
            .vscroll(true);
        if doc == Doc::FirstSteps {
            // Over the results, so that the sliders the page talks about stay in view.
            let area = ui.ctx().content_rect();
            let width = FIRST_STEPS_WIDTH.min(area.width() * 0.6);
            window = window
                .default_size([width, area.height() * 0.8])
                .default_pos(egui::pos2(area.right() - width - 16.0, area.top() + 40.0));
        }
        window.show(ui.ctx(), |ui| match &terms {
            Some(terms) => {
                ui.label("Each term with what it is, and its value in what you see now.");
                for (term, meaning, now) in terms {
                    ui.add_space(6.0);
                    ui.label(RichText::new(*term).strong().heading());
                    ui.label(*meaning);
                    ui.label(RichText::new(format!("Now: {now}")).italics());
                }
            }
            None => markdown(ui, doc.text()),
        });
        if !open {
            self.open = None;
        }
    }
}

/// The glossary: each term, what it means, and a worked example on the current numbers.
fn glossary(ctx: &mut ViewCtx<'_>) -> Vec<(&'static str, &'static str, String)> {
    let Ok(report) = ctx.report() else {
        return vec![("Expected utility", "", "these settings cannot be evaluated".to_owned())];
    };
    let s = &ctx.doc.scenario;
    let a = &report.analysis;
    let units = report.units.as_ref().ok();
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    let says = verdict(s, &report);
    let taus = &report.evaluation.taus;
    let mechanisms: Vec<&str> = s
        .outcomes
        .iter()
        .filter(|o| o.role == Role::Mechanism)
        .map(|o| o.name.as_str())
        .collect();
    let rates = units.map_or_else(
        || "no yardstick is chosen, so values stay on the 0-1 scale".to_owned(),
        |u| {
            let n = &s.outcomes[u.numeraire];
            s.outcomes
                .iter()
                .enumerate()
                .filter(|&(o, _)| o != u.numeraire && u.rates[o] > 0.0)
                .take(3)
                .map(|(o, out)| {
                    format!(
                        "{}: 1 {} counts as {} {}",
                        out.name,
                        out.unit,
                        number(u.rates[o]),
                        n.unit
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        },
    );
    vec![
        (
            "Expected utility",
            "Each outcome's value is 0 at its worst plausible level and 1 at its best (and goes on past them, so a utility can fall below 0); utility is the weighted average of the values (value weights times horizon weights), and expected utility averages it over the theories, weighted by your credences. It is a score for comparing policies, not a prediction.",
            format!(
                "{} for the current settings.",
                fixed(report.evaluation.expected_utility, 3)
            ),
        ),
        (
            "Yardstick and plain units",
            "A utility difference is also said in units of one outcome, the yardstick: how much of it would make the same difference at your weights.",
            units.map_or_else(
                || "no yardstick".to_owned(),
                |u| {
                    format!(
                        "the yardstick is {}: 0.01 of utility is {}.",
                        crate::format::in_sentence(&s.outcomes[u.numeraire].name),
                        amount(u.of_utility(0.01), &u.unit)
                    )
                },
            ),
        ),
        (
            "Exchange rate",
            "What your weights imply one unit of an outcome is worth in units of the yardstick. Nobody has to choose these numbers, but every set of weights implies some: look at them, and set them directly if they are not what you mean.",
            format!("{rates}."),
        ),
        (
            "Regret",
            "Under one theory, how far a policy falls short of the best policy for that theory. Expected regret averages it over your credences; a policy with no regret is best whatever the truth.",
            format!(
                "the best policy, {}, has expected regret {}.",
                name(a.best),
                in_units(units, a.expected_regret[a.best])
            ),
        ),
        (
            "Minimax regret",
            "The policy whose worst regret, over the theories you give any credence, is smallest: a choice for someone who wants to be least wrong in the worst case rather than best on average.",
            format!(
                "{}, whose largest regret is {}.",
                name(a.minimax_regret),
                in_units(units, a.max_regret[a.minimax_regret])
            ),
        ),
        (
            "EVPI (expected value of perfect information)",
            "How much better you would do on average if you learned the true motive before choosing: the expected regret of the best policy. Zero when the same policy is best under every theory you give credence.",
            format!("{} = {}.", fixed(a.evpi, 4), in_units(units, a.evpi)),
        ),
        (
            "Flip point",
            "The credence in one theory at which another policy becomes best, the others keeping their proportions: what you would have to believe for the choice to change.",
            says.get(2).cloned().unwrap_or_default(),
        ),
        (
            "Mechanism",
            "An outcome that drives others (territory, fighters, prestige, plots): shown so that the theory's logic is visible, but not scored for its own sake unless you give it a weight, so that nothing counts twice.",
            if mechanisms.is_empty() {
                "this scenario has none.".to_owned()
            } else {
                format!("{}.", mechanisms.join(", "))
            },
        ),
        (
            "Horizon weight",
            "How much each period counts. In a format 2 scenario a horizon counts its weight per year times the years it covers, so by default every year counts the same; a discount rate or a higher weight for the near term is a present bias you choose, not one hidden in the model. (A format 1 scenario weighs each horizon as a whole.)",
            s.horizons
                .iter()
                .zip(taus)
                .map(|(h, t)| format!("{} counts {}", h.name, number(*t)))
                .collect::<Vec<_>>()
                .join(", ")
                + ".",
        ),
        (
            "Pareto front",
            "In the Pareto view, policies sampled across the lever space are plotted on two outcomes; the front joins those that no other sample beats on both. A policy off the front could be improved on one outcome at no cost on the other; along the front, improving one costs the other, and your weights decide where to stand.",
            format!(
                "{} policies are sampled; your settings and the named policies are marked.",
                crate::format::count(ctx.derived.pareto_samples())
            ),
        ),
        (
            "Tornado",
            "In the Uncertainty tab, the best policy's lead over the runner-up recomputed with one assumption at a time at the low and the high end of its range (or one theory's credence lower and higher): the longest bars are the assumptions the answer depends on most.",
            "the bars are sorted longest first.".to_owned(),
        ),
    ]
}

/// Just enough Markdown for the shipped documents: headings, code blocks, tables, lists,
/// paragraphs.
fn markdown(ui: &mut egui::Ui, text: &str) {
    let mut code: Option<Vec<&str>> = None;
    let mut paragraph: Vec<&str> = Vec::new();
    let mut table: Vec<&str> = Vec::new();
    let flush = |ui: &mut egui::Ui, p: &mut Vec<&str>| {
        if !p.is_empty() {
            ui.label(p.join(" "));
            p.clear();
        }
    };
    let flush_table = |ui: &mut egui::Ui, t: &mut Vec<&str>| {
        if !t.is_empty() {
            markdown_table(ui, t);
            t.clear();
        }
    };
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            flush(ui, &mut paragraph);
            flush_table(ui, &mut table);
            match code.take() {
                Some(lines) => {
                    ui.label(RichText::new(lines.join("\n")).monospace());
                }
                None => code = Some(Vec::new()),
            }
            continue;
        }
        if let Some(lines) = code.as_mut() {
            lines.push(line);
            continue;
        }
        if line.trim_start().starts_with('|') {
            flush(ui, &mut paragraph);
            table.push(line.trim());
            continue;
        }
        flush_table(ui, &mut table);
        if let Some(h) = line.strip_prefix('#') {
            flush(ui, &mut paragraph);
            ui.add_space(6.0);
            ui.label(RichText::new(h.trim_start_matches('#').trim()).strong().heading());
        } else if line.trim().is_empty() {
            flush(ui, &mut paragraph);
        } else if line.starts_with("- ") || line.starts_with(|c: char| c.is_ascii_digit()) {
            flush(ui, &mut paragraph);
            paragraph.push(line);
        } else {
            paragraph.push(line.trim());
        }
    }
    flush(ui, &mut paragraph);
    flush_table(ui, &mut table);
    if let Some(lines) = code {
        ui.label(RichText::new(lines.join("\n")).monospace());
    }
}

/// The cells of a Markdown table row (`| a | b |` -> `["a", "b"]`).
fn table_cells(row: &str) -> Vec<&str> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(str::trim).collect()
}

/// Whether a row is the line under a Markdown table's header (`|---|:--:|`).
fn is_rule(row: &str) -> bool {
    table_cells(row)
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// A Markdown table, row by row: the first column at a fixed width, the other cells beside
/// it, wrapped (the tables are keys and their meanings); the header row strong, no `|` shown.
/// Laid out without a grid, so a table needs no frames of its own to settle.
fn markdown_table(ui: &mut egui::Ui, rows: &[&str]) {
    let header = rows.get(1).is_some_and(|r| is_rule(r));
    for (i, row) in rows.iter().enumerate() {
        if is_rule(row) {
            continue;
        }
        let cells = table_cells(row);
        let Some((first, rest)) = cells.split_first() else {
            continue;
        };
        let strong = |t: String| {
            if header && i == 0 {
                RichText::new(t).strong()
            } else {
                RichText::new(t)
            }
        };
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(HELP_KEY_WIDTH, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(HELP_KEY_WIDTH);
                    ui.add(egui::Label::new(strong(first.replace('`', ""))).wrap());
                },
            );
            let rest = rest
                .iter()
                .map(|c| c.replace('`', ""))
                .collect::<Vec<_>>()
                .join("  ·  ");
            ui.add(egui::Label::new(strong(rest)).wrap());
        });
        ui.add_space(2.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_table_rows_split_into_cells_and_the_rule_is_known() {
        assert_eq!(table_cells("| `x` | y z |"), vec!["`x`", "y z"]);
        assert!(is_rule("|---|:--:|"));
        assert!(!is_rule("| a | b |"));
    }
}
