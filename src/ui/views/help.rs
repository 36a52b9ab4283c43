//! The documents a packaged user needs, shipped inside the app and shown in a window: the file
//! format with its exact mathematics, and the command line.

use crate::format::{fixed, number};
use crate::model::explain::{amount, in_units, verdict};
use crate::model::scenario::Role;
use crate::ui::ctx::{View, ViewCtx};
use egui::RichText;

/// A document shipped with the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// `docs/file-format.md`: scenario and preset files and the mathematics.
    FileFormat,
    /// `docs/cli.md`: the analyst command line.
    CommandLine,
    /// A glossary of the numbers the app shows, each with its value now.
    Meaning,
}

impl Doc {
    /// The window title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::FileFormat => "The file format and the mathematics",
            Self::CommandLine => "The command line",
            Self::Meaning => "What the numbers mean",
        }
    }

    /// The Markdown text.
    #[must_use]
    pub fn text(self) -> &'static str {
        match self {
            Self::FileFormat => include_str!("../../../docs/file-format.md"),
            Self::CommandLine => include_str!("../../../docs/cli.md"),
            Self::Meaning => "",
        }
    }
}

/// The help window; shows one document or nothing.
#[derive(Debug, Default)]
pub struct HelpView {
    /// The document shown, if any.
    pub open: Option<Doc>,
}

impl View for HelpView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = self.open else { return };
        let mut open = true;
        let terms = (doc == Doc::Meaning).then(|| glossary(ctx));
        egui::Window::new(doc.title())
            .open(&mut open)
            .default_size([720.0, 560.0])
            .vscroll(true)
            .show(ui.ctx(), |ui| match &terms {
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
    let settings = ctx.settings();
    let a = &report.analysis;
    let units = report.units.as_ref().ok();
    let name = |p: usize| report.candidates.get(p).map_or("–", |c| c.name.as_str());
    let says = verdict(s, &report);
    let taus = settings.taus(ctx.derived.model());
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
                        s.outcomes[u.numeraire].name.to_lowercase(),
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
                .zip(&taus)
                .map(|(h, t)| format!("{} counts {}", h.name, number(*t)))
                .collect::<Vec<_>>()
                .join(", ")
                + ".",
        ),
    ]
}

/// Just enough Markdown for the shipped documents: headings, code blocks, paragraphs.
fn markdown(ui: &mut egui::Ui, text: &str) {
    let mut code: Option<Vec<&str>> = None;
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |ui: &mut egui::Ui, p: &mut Vec<&str>| {
        if !p.is_empty() {
            ui.label(p.join(" "));
            p.clear();
        }
    };
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            flush(ui, &mut paragraph);
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
        if let Some(h) = line.strip_prefix('#') {
            flush(ui, &mut paragraph);
            ui.add_space(6.0);
            ui.label(RichText::new(h.trim_start_matches('#').trim()).strong().heading());
        } else if line.trim().is_empty() {
            flush(ui, &mut paragraph);
        } else if line.starts_with("- ") || line.starts_with("| ") || line.starts_with(|c: char| c.is_ascii_digit()) {
            flush(ui, &mut paragraph);
            paragraph.push(line);
        } else {
            paragraph.push(line.trim());
        }
    }
    flush(ui, &mut paragraph);
    if let Some(lines) = code {
        ui.label(RichText::new(lines.join("\n")).monospace());
    }
}
