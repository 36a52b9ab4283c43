//! The results area: the verdict line, the outcomes table and the plot tabs.

use crate::model::explain::uncertainty_sentence;
use crate::ui::ctx::{Command, PlotTab, View, ViewCtx};
use crate::ui::views::class::ClassView;
use crate::ui::views::credence_sweep::CredenceSweepView;
use crate::ui::views::evidence::EvidenceView;
use crate::ui::views::gap::GapView;
use crate::ui::views::lever_sweep::LeverSweepView;
use crate::ui::views::matrix::MatrixView;
use crate::ui::views::outcomes::outcome_table_ui;
use crate::ui::views::pareto::ParetoView;
use crate::ui::views::summary::{Sampled, Summary, summary_ui};
use crate::ui::views::uncertainty::UncertaintyView;
use serde::{Deserialize, Serialize};

/// Least height of the outcomes table: its header and two rows (it scrolls for the rest). On a
/// small laptop screen the table gives way before the plot does.
const MIN_TABLE_HEIGHT: f32 = 66.0;
/// Room the table leaves below itself for the plot tabs (two rows: they wrap on a narrow
/// window), their controls and a plot.
const ROOM_BELOW_TABLE: f32 = 364.0;
/// The same in classroom mode, whose window is laid out
/// [`crate::ui::theme::CLASSROOM_POINTS_TALL`] points tall: the tabs, the plot's controls and a
/// plot of its least height.
const CLASSROOM_ROOM_BELOW_TABLE: f32 = 336.0;

/// The results area and the plots it switches between; persisted between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ResultsView {
    /// The plot shown.
    pub tab: PlotTab,
    /// The Pareto view.
    pub pareto: ParetoView,
    /// The lever sweep.
    pub sweep: LeverSweepView,
    /// The decision matrix.
    pub matrix: MatrixView,
    /// The credence sweep.
    pub credence: CredenceSweepView,
    /// The gap breakdown.
    pub gap: GapView,
    /// The Monte Carlo.
    pub uncertainty: UncertaintyView,
    /// The evidence matrix.
    pub evidence: EvidenceView,
    /// The class's credences.
    pub class: ClassView,
}

impl View for ResultsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        // On a short window the area scrolls rather than squeezing plots below their least
        // height; each plot takes what is left of the visible area.
        egui::ScrollArea::vertical()
            .id_salt("results")
            .auto_shrink([false, false])
            .show(ui, |ui| self.contents(ui, ctx));
    }
}

impl ResultsView {
    fn contents(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let report = match ctx.report() {
            Ok(r) => r,
            Err(e) => {
                ui.colored_label(ctx.theme.palette.worse, format!("Cannot evaluate: {e}"));
                return;
            }
        };
        let (kind, _) = ctx.reference_settings();
        let reference = match ctx.reference_report() {
            Ok(r) => Some(r),
            Err(e) => {
                ui.colored_label(
                    ctx.theme.palette.muted,
                    format!("The comparison state cannot be evaluated: {e}"),
                );
                None
            }
        };
        let mut extra: Vec<String> = ctx.derived.lead_sentences(ctx.settings()).as_ref().clone();
        extra.extend(ctx.derived.evidence_sentence(ctx.settings()).as_ref().clone());
        let sampled = match ctx.derived.fresh_study(ctx.settings()) {
            None => Sampled::Pending,
            Some(st) => uncertainty_sentence(&ctx.doc.scenario, &report, st).map_or(Sampled::Nothing, Sampled::Says),
        };
        summary_ui(
            ui,
            &ctx.theme,
            Summary {
                scenario: &ctx.doc.scenario,
                report: &report,
                reference: reference.as_deref().map(|r| (kind, r)),
                extra,
                sampled,
            },
        );
        if !ctx.theme.classroom {
            let mut per = ctx.session.per_hypothesis;
            if ui
                .checkbox(&mut per, "Show the value under each hypothesis")
                .on_hover_text("One column per answer: what each outcome would be if that answer were true")
                .changed()
            {
                ctx.send(Command::SetPerHypothesis(per));
            }
        }
        ui.separator();
        // The table shows whole when the plot below still gets its least height; on a short
        // window it gives way first (and scrolls), so that the plot keeps its axes.
        let below = if ctx.theme.classroom {
            CLASSROOM_ROOM_BELOW_TABLE
        } else {
            ROOM_BELOW_TABLE
        };
        let table_height = (ui.clip_rect().bottom() - ui.cursor().top() - below).max(MIN_TABLE_HEIGHT);
        outcome_table_ui(ui, ctx, &report, reference.as_deref(), table_height);
        ui.separator();
        // Wrapped: on a narrow window or in classroom mode's large type the tabs take two rows,
        // rather than running past the edge and widening everything below them.
        ui.horizontal_wrapped(|ui| {
            let tab = &mut self.tab;
            ui.selectable_value(tab, PlotTab::Pareto, "Pareto view");
            ui.selectable_value(tab, PlotTab::LeverSweep, "Lever sweep");
            ui.selectable_value(tab, PlotTab::Matrix, "Decision matrix");
            ui.selectable_value(tab, PlotTab::CredenceSweep, "Credence sweep");
            ui.selectable_value(tab, PlotTab::Gap, "What drives the gap");
            ui.selectable_value(tab, PlotTab::Uncertainty, "Uncertainty");
            ui.selectable_value(tab, PlotTab::Evidence, "Evidence");
            ui.selectable_value(tab, PlotTab::Class, "Class");
            // Every term the tabs use (Pareto, tornado, regret, EVPI...) in plain words.
            if ui
                .small_button("Glossary")
                .on_hover_text(
                    "What the numbers and charts mean, each with its value now (Help > What the numbers mean)",
                )
                .clicked()
            {
                ctx.send(Command::ShowHelp(crate::ui::ctx::Doc::Meaning));
            }
        });
        match self.tab {
            PlotTab::Pareto => self.pareto.ui(ui, ctx),
            PlotTab::LeverSweep => self.sweep.ui(ui, ctx),
            PlotTab::Matrix => self.matrix.ui(ui, ctx),
            PlotTab::CredenceSweep => self.credence.ui(ui, ctx),
            PlotTab::Gap => self.gap.ui(ui, ctx),
            PlotTab::Uncertainty => self.uncertainty.ui(ui, ctx),
            PlotTab::Evidence => self.evidence.ui(ui, ctx),
            PlotTab::Class => self.class.ui(ui, ctx),
        }
    }
}
