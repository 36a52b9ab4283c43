//! Each view drawn on its own, on a standalone context (no app shell), driven through its
//! accessibility tree with `egui_kittest`: what it shows, and the edits and commands it sends.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use motive_lab::format::{number, percent, signed};
use motive_lab::io::parse_document;
use motive_lab::model::document::Document;
use motive_lab::model::evaluate::EvaluationCache;
use motive_lab::model::evaluate::Model;
use motive_lab::model::summary::{Report, report};
use motive_lab::ui::ctx::{Answer, Command, Edit, Notice, View};
use motive_lab::ui::standalone::Standalone;
use motive_lab::ui::views::{
    assumptions::AssumptionsView, confirm::ConfirmView, credence_sweep::CredenceSweepView, credences::CredencesView,
    header::HeaderView, lever_sweep::LeverSweepView, levers::LeversView, matrix::MatrixView, menu::MenuView,
    notice::NoticeView, pareto::ParetoView, results::ResultsView, weights::WeightsView,
};

mod common;
use common::{H, harness_on, paris};

fn harness<V: View + 'static>(view: V) -> H<V> {
    harness_on(Standalone::new(paris()), view)
}

fn core(s: &Standalone) -> Report {
    let model = Model::new(&s.doc.scenario).expect("valid");
    report(
        &s.doc.scenario,
        &model,
        &s.doc.state.settings,
        &mut EvaluationCache::default(),
    )
    .expect("report")
}

/// Each hypothesis's weight within its question (the shares the credence panel shows).
fn shares(s: &Standalone) -> Vec<f64> {
    let mut w = vec![0.0; s.doc.scenario.hypotheses.len()];
    s.derived
        .model()
        .hypothesis_weights(&s.doc.state.settings.credences, &mut w)
        .expect("weights");
    w
}

fn button<'a, V>(h: &'a H<V>, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some(label))
}

#[test]
fn credences_view_moves_one_share_and_rescales_the_rest() {
    let mut h = harness(CredencesView::default());
    h.get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .set_value_accesskit(60.0);
    h.run();
    let s = &h.state().0;
    let w = shares(s);
    assert!((w[0] - 0.6).abs() < 1e-9, "{w:?}");
    assert!((w[1] - 0.08).abs() < 1e-9, "{w:?}");
    assert!(s.sent.iter().all(|c| matches!(c, Command::Edit(Edit::Credences(_)))));
}

#[test]
fn credences_view_locks_a_share() {
    let mut h = harness(CredencesView::default());
    h.get_by(|n| n.label().as_deref() == Some("Lock 6. Provocation: drawing us all in"))
        .click();
    h.run();
    assert!(h.state().1.locked[5]);
    h.get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .set_value_accesskit(50.0);
    h.run();
    let s = &h.state().0;
    let w = shares(s);
    assert!((w[5] - 1.0 / 6.0).abs() < 1e-9, "{w:?}");
}

#[test]
fn equalise_and_reset_to_priors() {
    // Priors that are not all equal, so that the two buttons differ.
    let mut doc = paris();
    let mut scenario = (*doc.scenario).clone();
    scenario.hypotheses[0].prior = 3.0;
    scenario.hypotheses[6].prior = 2.0;
    doc.scenario = std::sync::Arc::new(scenario);
    doc.state.settings.credences = doc.scenario.hypotheses.iter().map(|h| h.prior).collect();
    let mut h = harness_on(Standalone::new(doc), CredencesView::default());
    button(&h, "Equalise").click();
    h.run();
    // Nothing locked: equal shares in every group.
    let s = &h.state().0;
    let w = shares(s);
    // Why: six theories at 1/6, 6's four variants at 1/24; how: three answers at 1/3.
    for (i, x) in w.iter().enumerate() {
        let expected = match i {
            0..=5 => 1.0 / 6.0,
            6..=9 => 1.0 / 24.0,
            _ => 1.0 / 3.0,
        };
        assert!((x - expected).abs() < 1e-12, "hypothesis {i}: {x}");
    }
    // The shares shown follow: every top-level hypothesis at 1/6.
    let shown = h
        .get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .accesskit_node()
        .numeric_value()
        .expect("a slider value");
    assert!((shown - 100.0 / 6.0).abs() < 1e-9, "{shown}");
    button(&h, "Reset to priors").click();
    h.run();
    let s = &h.state().0;
    let priors: Vec<f64> = s.doc.scenario.hypotheses.iter().map(|x| x.prior).collect();
    assert_eq!(s.doc.state.settings.credences, priors);
    assert_eq!(s.doc.state.settings.credences[0], 3.0);
}

#[test]
fn equalise_keeps_locked_shares() {
    let mut h = harness(CredencesView::default());
    h.get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .set_value_accesskit(50.0);
    h.run();
    h.get_by(|n| n.label().as_deref() == Some("Lock 1. They attack whatever we do"))
        .click();
    h.run();
    button(&h, "Equalise").click();
    h.run();
    let s = &h.state().0;
    let w = shares(s);
    // Theory 1 keeps its half; the five others share the other half equally.
    assert!((w[0] - 0.5).abs() < 1e-12, "{w:?}");
    for x in &w[1..5] {
        assert!((x - 0.1).abs() < 1e-12, "{w:?}");
    }
}

#[test]
fn levers_view_sets_a_lever_and_a_named_policy() {
    let mut h = harness(LeversView);
    h.get_by_role_and_label(Role::Slider, "Airstrike intensity (strikes/month)")
        .set_value_accesskit(1800.0);
    h.run();
    assert_eq!(h.state().0.doc.state.settings.levers[0], 1800.0);
    assert!(h.state().0.sent.contains(&Command::Edit(Edit::Lever(0, 1800.0))));
    h.get_by_role_and_label(Role::ComboBox, "Named policy").click();
    h.run();
    button(&h, "Homeland first").click();
    h.run();
    let s = &h.state().0;
    let i = s.doc.scenario.policy_index("homeland_first").expect("policy");
    assert_eq!(
        s.doc.state.settings.levers,
        s.doc.scenario.policy_levers(&s.doc.scenario.policies[i])
    );
}

#[test]
fn weights_view_sets_how_much_an_outcome_matters() {
    let mut h = harness(WeightsView);
    h.get_by_label("How much each outcome matters").click();
    h.run();
    h.get_by_role_and_label(Role::Slider, "Weight of Social cohesion at home")
        .set_value_accesskit(2.0);
    h.run();
    let s = &h.state().0;
    let o = s.doc.scenario.outcome_index("cohesion").expect("outcome");
    assert_eq!(s.doc.state.settings.value_weights[o], 2.0);
}

#[test]
fn results_view_shows_the_cores_numbers_and_opens_assumptions() {
    let mut h = harness_on(Standalone::new(paris()).with_samples(), ResultsView::default());
    let r = core(&h.state().0);
    h.get_by_label(&format!("Expected utility: {:.3}", r.evaluation.expected_utility));
    let s = &h.state().0.doc.scenario;
    let label = format!(
        "{}, {}: {}",
        s.outcomes[6].name,
        s.horizons[1].name,
        number(r.evaluation.expected[6 * s.horizons.len() + 1])
    );
    h.get_by_label(&label);
    h.get_by_label("Show the value under each hypothesis").click();
    h.run();
    assert!(h.state().0.sent.contains(&Command::SetPerHypothesis(true)));
    h.get_all_by_label("?").next().expect("a ? button").click();
    h.run();
    assert!(h.state().0.sent.contains(&Command::ShowAssumptions(0, 0)));
}

fn click_at<V>(h: &mut H<V>, pos: egui::Pos2) {
    h.drag_at(pos);
    h.step();
    h.drop_at(pos);
    h.step();
}

/// The sample under `pos` whose levers a double click sent, checked to be drawn there.
fn adopted_at(h: &H<ParetoView>, pos: egui::Pos2) -> Option<usize> {
    let (s, view) = h.state();
    let motive_lab::analysis::SamplesState::Ready(samples) = s.derived.samples() else {
        panic!("samples ready")
    };
    let levers = s.sent.iter().find_map(|c| match c {
        Command::AdoptSample(l) => Some(l.clone()),
        _ => None,
    })?;
    let i = (0..samples.n)
        .find(|&i| samples.levers_of(i) == levers.as_slice())
        .expect("a sample");
    let at = view.screen_position(i).expect("drawn");
    assert!(at.distance(pos) < 1.0, "{at:?} vs {pos:?}");
    Some(i)
}

fn pareto() -> (H<ParetoView>, egui::Pos2) {
    let mut h = harness_on(Standalone::new(paris()).with_samples(), ParetoView::default());
    let pos = h.state().1.screen_position(17).expect("drawn");
    h.hover_at(pos);
    h.run();
    (h, pos)
}

#[test]
fn pareto_view_ignores_a_single_click() {
    let (mut h, pos) = pareto();
    click_at(&mut h, pos);
    h.run();
    assert_eq!(adopted_at(&h, pos), None, "{:?}", h.state().0.sent);
}

#[test]
fn pareto_view_adopts_a_sample_on_a_double_click() {
    let (mut h, pos) = pareto();
    click_at(&mut h, pos);
    click_at(&mut h, pos);
    h.run();
    assert!(adopted_at(&h, pos).is_some(), "{:?}", h.state().0.sent);
}

#[test]
fn pareto_view_in_classroom_mode_is_for_looking() {
    let mut s = Standalone::new(paris()).with_samples();
    s.theme.classroom = true;
    let mut h = harness_on(s, ParetoView::default());
    let pos = h.state().1.screen_position(17).expect("drawn");
    h.hover_at(pos);
    h.run();
    click_at(&mut h, pos);
    click_at(&mut h, pos);
    h.run();
    assert_eq!(adopted_at(&h, pos), None);
    assert!(h.query_by_label_contains("Double-click").is_none());
}

#[test]
fn pareto_view_says_when_samples_are_pending() {
    // The spinner keeps asking for frames: step instead of running to rest.
    let mut h = Harness::builder().with_size([1000.0, 760.0]).build_ui_state(
        |ui, (s, v): &mut (Standalone, ParetoView)| s.show(ui, v),
        (Standalone::new(paris()), ParetoView::default()),
    );
    h.run_steps(2);
    h.get_by_label_contains("Sampling 10,000 policies");
}

#[test]
fn matrix_view_marks_the_best_policy_and_applies_a_row() {
    let mut h = harness(MatrixView::default());
    let r = core(&h.state().0);
    let best = &r.candidates[r.analysis.best].name;
    h.get_by_label_contains(&format!("Best by expected utility: {best}."));
    h.get_by_label_contains(&format!("EVPI (every question): {:.4}", r.analysis.evpi));
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Fortress at home")))
        .click();
    h.run();
    let s = &h.state().0;
    let i = s.doc.scenario.policy_index("fortress").expect("policy");
    assert!(s.sent.contains(&Command::Edit(Edit::Policy(i))));
    assert_eq!(
        s.doc.state.settings.levers,
        s.doc.scenario.policy_levers(&s.doc.scenario.policies[i])
    );
}

#[test]
fn credence_sweep_view_states_the_flip_points() {
    // Valuing attacks and deaths in the West only, where credence in theory 2 decides.
    let mut doc = paris();
    for (w, o) in doc.state.settings.value_weights.iter_mut().zip(&doc.scenario.outcomes) {
        *w = f64::from(u8::from(o.id == "attacks_west" || o.id == "deaths_west"));
    }
    let mut view = CredenceSweepView::default();
    view.hypothesis = Some("h2".into());
    let h = harness_on(Standalone::new(doc), view);
    let r = core(&h.state().0);
    let flip = r.analysis.flip_points[1];
    let up = flip.up.expect("a flip above");
    h.get_by_label_contains(&format!(
        "Above {} the best becomes {}.",
        percent(up.credence),
        r.candidates[up.to].name
    ));
}

#[test]
fn lever_sweep_view_remembers_the_lever_by_id() {
    let mut h = harness(LeverSweepView::default());
    h.get_by_role_and_label(Role::ComboBox, "Lever").click();
    h.run();
    h.get_by(|n| {
        n.role() == Role::Button
            && n.label().as_deref() == Some("Homeland intelligence and policing (% above 2015 budget)")
    })
    .click();
    h.run();
    assert_eq!(h.state().1.lever.as_deref(), Some("homeland"));
    h.get_by_label_contains("Current homeland intelligence and policing");
}

#[test]
fn header_view_shows_the_unsaved_mark_and_pins() {
    let mut s = Standalone::new(paris());
    s.doc.state.settings.levers[0] = 100.0;
    let title = s.doc.state.name.clone();
    let mut h = harness_on(s, HeaderView);
    h.get_by_label(&format!("{title} (unsaved)"));
    button(&h, "Pin as A").click();
    h.run();
    assert_eq!(h.state().0.sent, vec![Command::PinA]);
}

#[test]
fn notice_view_lists_problems_and_dismisses() {
    let mut s = Standalone::new(paris());
    s.notice = Some(Notice::error("Could not open", vec!["x.ron:3:4: bad".into()]));
    let mut h = harness_on(s, NoticeView);
    h.get_by_label("x.ron:3:4: bad");
    button(&h, "Dismiss").click();
    h.run();
    assert_eq!(h.state().0.sent, vec![Command::DismissNotice]);
}

#[test]
fn confirm_view_asks_and_answers() {
    let mut s = Standalone::new(paris());
    s.confirming = Some(motive_lab::ui::ctx::Action::New);
    let mut h = harness_on(s, ConfirmView);
    h.get_by_label("Unsaved changes");
    button(&h, "Discard changes").click();
    h.run();
    assert_eq!(h.state().0.sent, vec![Command::Answer(Answer::Discard)]);
}

#[test]
fn menu_view_sends_file_commands() {
    let mut h = harness(MenuView);
    h.get_by_label("File").click();
    h.run();
    h.get_by(|n| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| l.starts_with("New") && !l.starts_with("New from") && !l.starts_with("New scenario"))
    })
    .click();
    h.run();
    assert_eq!(h.state().0.sent, vec![Command::New]);
    h.get_by_label("File").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("New scenario")))
        .click();
    h.run();
    assert_eq!(h.state().0.sent, vec![Command::New, Command::NewScenario]);
}

#[test]
fn menu_view_offers_every_shipped_scenario_and_lesson() {
    let mut h = harness(MenuView);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New from scenario").hover();
    h.run();
    // Both cases, each with its summary; the second opens the 9/11 scenario.
    h.get_by_label_contains("Responding to November 2015");
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.contains("on 9/11?")))
        .click();
    h.run();
    assert_eq!(h.state().0.sent, vec![Command::NewFromScenario(1)]);
    h.get_by_label("Lessons").click();
    h.run();
    h.get_by_label("9/11: what they wanted, and what we did").click();
    h.run();
    assert_eq!(h.state().0.sent.last(), Some(&Command::OpenLesson(1)));
}

#[test]
fn assumptions_view_shows_each_effect_now() {
    // The mechanism homeland measures and borders work through.
    let foiled = paris().scenario.outcome_index("foiled_directed").expect("outcome");
    let mut view = AssumptionsView::default();
    view.show(foiled, 0);
    let h = harness(view);
    h.get_by_label_contains("Assumptions: Share of organised plots foiled");
    let s = &h.state().0;
    let model = s.derived.model();
    let parts = model.contributions(&s.doc.state.settings.levers, model.cell(foiled, 0));
    let borders = parts
        .iter()
        .find(|c| s.doc.scenario.effects[c.effect].lever_id() == Some("borders"))
        .expect("borders effect");
    assert!(h.query_all_by_label(&signed(borders.value)).next().is_some());
}

#[test]
fn curves_read_as_sentences() {
    use motive_lab::model::scenario::Curve;
    use motive_lab::ui::views::assumptions::describe;
    assert_eq!(
        describe(&Curve::Linear(-0.5), "strikes/month"),
        "falls by 0.50 per 1 strikes/month"
    );
    assert_eq!(
        describe(
            &Curve::Points(vec![(0.0, 0.0), (600.0, -24.0), (2000.0, -24.0)]),
            "strikes/month"
        ),
        "0.00 at 0 strikes/month, falls by 4.00 per 100 strikes/month up to 600 (-24.0 there), stays there up to 2000, then flattens"
    );
}

#[test]
fn assumptions_list_every_leaf_with_its_own_baseline() {
    // The first baseline some theories set for themselves.
    let doc = paris();
    let b = doc
        .scenario
        .baselines
        .iter()
        .find(|b| !b.by_hypothesis.is_empty())
        .expect("a baseline by hypothesis")
        .clone();
    let (o, t) = (
        doc.scenario.outcome_index(&b.outcome).expect("outcome"),
        doc.scenario.horizon_index(&b.horizon).expect("horizon"),
    );
    let mut view = AssumptionsView::default();
    view.show(o, t);
    let h = harness(view);
    let s = &h.state().0;
    let model = s.derived.model();
    let cell = model.cell(o, t);
    let mut listed = 0;
    for l in 0..model.n_leaves() {
        // A joint leaf is named by its answers, one per question.
        let v = model.baseline(l, cell);
        let line = format!("    under {}: {}", model.leaf_name(&s.doc.scenario, l), number(v));
        if v == b.value {
            assert!(h.query_by_label(&line).is_none(), "{line} is the default");
        } else {
            h.get_by_label(&line);
            listed += 1;
        }
    }
    // The shipped scenario gives some theories their own level of attacks.
    assert!(listed > 0);
}

#[test]
fn lever_sweep_view_can_sweep_expected_utility() {
    let mut h = harness(LeverSweepView::default());
    h.get_by_role_and_label(Role::ComboBox, "Outcome").click();
    h.run();
    // The last entry of a long list: below the popup's fold, so click it through AccessKit.
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Expected utility (0 = worst, 1 = best)"))
        .click_accesskit();
    h.run();
    assert!(h.state().1.utility);
    h.get_by_label("Expected utility");
    // At the current setting of the lever the sweep's expected utility is the report's.
    let (s, _) = h.state_mut();
    let r = core(s);
    let settings = s.doc.state.settings.clone();
    let sweep = s
        .derived
        .utility_sweep(motive_lab::analysis::Side::Live, &settings, 0)
        .expect("sweeps");
    let k = sweep
        .xs
        .iter()
        .position(|&x| x == settings.levers[0])
        .expect("600 is a step");
    assert!((sweep.expected[k] - r.evaluation.expected_utility).abs() < 1e-12);
}

#[test]
fn the_pareto_legend_sits_outside_the_plotted_data() {
    let (h, _) = pareto();
    let frame = h.state().1.plot_frame().expect("drawn");
    for name in ["Current settings", "Pareto front", "Sampled policies", "Homeland first"] {
        let entry = h.get_by_label(name).rect();
        assert!(
            entry.left() > frame.right(),
            "{name} at {entry:?} is inside the plot {frame:?}"
        );
    }
}

/// A view drawn in a window of `size`.
fn harness_sized<V: View + 'static>(s: Standalone, view: V, size: [f32; 2]) -> H<V> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(0.05)
        .build_ui_state(|ui, (s, v): &mut (Standalone, V)| s.show(ui, v), (s, view));
    h.run();
    h
}

fn scroll_at<V>(h: &mut H<V>, pos: egui::Pos2, delta: egui::Vec2) {
    h.hover_at(pos);
    h.step();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    // Wheel scrolling is smoothed over a few frames.
    h.run_steps(30);
}

#[test]
fn the_outcomes_table_keeps_its_names_and_header_when_scrolled_sideways() {
    let mut s = Standalone::new(paris());
    s.per_hypothesis = true;
    // On the Pareto view, as when this was written (the lever sweep names outcomes too).
    let results = ResultsView {
        tab: motive_lab::ui::ctx::PlotTab::Pareto,
        ..ResultsView::default()
    };
    let mut h = harness_sized(s.with_samples(), results, [700.0, 760.0]);
    let sc = h.state().0.doc.scenario.clone();
    let r = core(&h.state().0);
    let m = Model::new(&sc).expect("valid");
    // With two questions the columns are each answer's expected value; the last is the last
    // answer to how.
    let (o, t) = (2, 1);
    let last = &sc.hypotheses[sc.hypotheses.len() - 1].name;
    let leaf_label = format!("{}, {}, given {last}: ", sc.outcomes[o].name, sc.horizons[t].name);
    let _ = (&r, &m);
    let name = |h: &H<ResultsView>| h.get_by_label(&sc.outcomes[o].name).rect();
    let header = |h: &H<ResultsView>| h.get_by_label("Outcome").rect();
    let near = |h: &H<ResultsView>| h.get_by_label(&sc.horizons[0].name).rect();
    let leaf = |h: &H<ResultsView>| {
        h.get_by(|n| n.value().is_some_and(|v| v.starts_with(&leaf_label)))
            .rect()
    };
    let (name0, header0, near0, leaf0) = (name(&h), header(&h), near(&h), leaf(&h));
    assert!(leaf0.left() > 700.0, "the last column starts off screen: {leaf0:?}");
    let value = h
        .get_by_label_contains(&format!("{}, {}: ", sc.outcomes[o].name, sc.horizons[0].name))
        .rect();
    scroll_at(&mut h, value.center(), egui::vec2(-5000.0, 0.0));
    let moved = leaf0.left() - leaf(&h).left();
    assert!(moved > 100.0, "the table scrolled sideways: {moved}");
    assert!(leaf(&h).right() <= 700.0, "the last column in view: {:?}", leaf(&h));
    // The outcome names and the header's first cell stay; the column names go with their
    // columns.
    assert_eq!(name(&h), name0);
    assert_eq!(header(&h), header0);
    assert!((near0.left() - near(&h).left() - moved).abs() < 1.0);
    assert_eq!(near(&h).top(), near0.top(), "the header row stays on top");
}

#[test]
fn the_decision_matrix_keeps_the_policy_names_when_scrolled_sideways() {
    let mut h = harness_sized(Standalone::new(paris()), MatrixView::default(), [420.0, 700.0]);
    let policy = |h: &H<MatrixView>| h.get_by_label("Homeland first").rect();
    let regret = |h: &H<MatrixView>| h.get_by_label("E[regret]").rect();
    let (p0, m0) = (policy(&h), regret(&h));
    // Scroll over the row's first cells, right of the name.
    scroll_at(&mut h, egui::pos2(400.0, p0.center().y), egui::vec2(-5000.0, 0.0));
    assert_eq!(policy(&h), p0);
    assert!(regret(&h).left() < m0.left() - 100.0, "{m0:?} -> {:?}", regret(&h));
}

#[test]
fn the_lever_sweep_reads_out_the_nearest_line_at_the_levers_step() {
    let mut h = harness(LeverSweepView::default());
    h.run();
    let (s, view) = h.state_mut();
    let r = core(s);
    let settings = s.doc.state.settings.clone();
    let sc = s.doc.scenario.clone();
    let cell = s.derived.model().cell(0, sc.horizons.len() - 1);
    let sweep = s.derived.lever_sweep(
        motive_lab::analysis::Side::Live,
        &settings.levers,
        &r.analysis.leaf_weights,
        0,
        cell,
    );
    // The slider's steps are the sweep's points: 0, 50, ..., 2000 strikes a month.
    let lever = &sc.levers[0];
    assert_eq!(sweep.xs.len(), 41);
    let k = sweep.xs.iter().position(|&x| x == 600.0).expect("600 is a step");
    // A little off the step and exactly on the expected line.
    let at = view.screen_position(612.0, sweep.expected[k]).expect("drawn");
    h.hover_at(at);
    h.run();
    // Named in the legend and in the read-out.
    assert_eq!(h.get_all_by_label("Expected (credence-weighted)").count(), 2);
    h.get_by_label(&format!("{}: 600 {}", lever.name, lever.unit));
    h.get_by_label_contains(&format!(": {}", number(sweep.expected[k])));
}

#[test]
fn the_credence_sweep_reads_out_the_nearest_policy_at_a_whole_percent() {
    // Every policy drawn: Homeland first need not be in the running.
    let mut view = CredenceSweepView::default();
    view.all_policies = true;
    let mut h = harness(view);
    h.run();
    let (s, view) = h.state_mut();
    let r = core(s);
    let settings = s.doc.state.settings.clone();
    let k = s.derived.decisive_hypothesis(&settings).unwrap_or(0);
    let hname = s.doc.scenario.hypotheses[k].name.clone();
    let lines = s
        .derived
        .credence_lines(motive_lab::analysis::Side::Live, &settings, &r, k)
        .expect("lines");
    let q = r
        .candidates
        .iter()
        .position(|c| c.name == "Homeland first")
        .expect("a policy");
    let at = view.screen_position(42.3, lines.at(q, 0.42)).expect("drawn");
    h.hover_at(at);
    h.run();
    assert_eq!(
        h.get_all_by_label("Homeland first").count(),
        2,
        "in the legend and the read-out"
    );
    h.get_by_label(&format!("Credence in {hname}: 42%"));
    h.get_by_label(&format!("Expected utility: {:.3}", lines.at(q, 0.42)));
}

#[test]
fn a_narrow_credence_panel_wraps_names_instead_of_overlapping() {
    let h = harness_sized(Standalone::new(paris()), CredencesView::default(), [250.0, 900.0]);
    let names: Vec<egui::Rect> = h
        .state()
        .0
        .doc
        .scenario
        .hypotheses
        .iter()
        .flat_map(|x| {
            // The name (a label's text is its value) and the slider it labels.
            h.query_all_by(|n| {
                n.label().as_deref() == Some(x.name.as_str()) || n.value().as_deref() == Some(x.name.as_str())
            })
            .map(|n| n.rect())
            .collect::<Vec<_>>()
        })
        .collect();
    assert!(names.len() >= 10, "{names:?}");
    let shares: Vec<egui::Rect> = h
        .get_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|l| l.ends_with(" of all")))
        .map(|n| n.rect())
        .collect();
    assert_eq!(shares.len(), 4);
    for s in &shares {
        for n in &names {
            assert!(!s.intersects(*n), "{s:?} overlaps {n:?}");
        }
        assert!(s.right() <= 250.0, "{s:?} inside the panel");
    }
}

#[test]
fn the_pareto_axis_choices_share_one_row_on_a_small_screen() {
    let h = harness_sized(
        Standalone::new(paris()).with_samples(),
        ParetoView::default(),
        [650.0, 600.0],
    );
    let x = h.get_by_role_and_label(Role::ComboBox, "x axis").rect();
    let y = h.get_by_role_and_label(Role::ComboBox, "y axis").rect();
    assert_eq!(x.top(), y.top(), "{x:?} and {y:?} on one row");
    assert!(y.right() <= 650.0);
}

#[test]
fn the_results_say_the_verdict_in_words() {
    let h = harness_on(Standalone::new(paris()).with_samples(), ResultsView::default());
    let s = &h.state().0;
    let r = core(s);
    let lines = motive_lab::model::explain::verdict(&s.doc.scenario, &r);
    assert_eq!(lines.len(), 3);
    // One paragraph: each of the verdict's sentences in it.
    for line in &lines {
        h.get_by_label_contains(line);
    }
    // Worked out independently: the lead of the best over the runner-up, in attacks a year.
    let a = &r.analysis;
    let runner = (0..r.current())
        .filter(|&p| p != a.best)
        .max_by(|&p, &q| a.expected_utility[p].total_cmp(&a.expected_utility[q]))
        .expect("a runner-up");
    let u = r.units.as_ref().expect("units");
    let lead = (a.expected_utility[a.best] - a.expected_utility[runner]) * u.per_utility;
    assert!(
        lines[0].contains(&format!("by the equivalent of {} attacks a year", number(lead))),
        "{}",
        lines[0]
    );
    h.get_by_label_contains(&format!(
        "EVPI: {:.4} = {} attacks a year",
        a.evpi,
        number(a.evpi * u.per_utility)
    ));
}

#[test]
fn the_gap_view_breaks_the_lead_down_by_outcome_in_attacks() {
    let h = harness(motive_lab::ui::views::gap::GapView::default());
    let s = &h.state().0;
    let r = core(s);
    let a = &r.analysis;
    let runner = motive_lab::model::explain::runner_up(&r).expect("a runner-up");
    let u = r.units.as_ref().expect("units");
    let total = (a.expected_utility[a.best] - a.expected_utility[runner]) * u.per_utility;
    h.get_by_label_contains(&format!(
        "What drives the gap: {} against {}, {} attacks a year in all",
        r.candidates[a.best].name,
        r.candidates[runner].name,
        number(total)
    ));
}

#[test]
fn an_exchange_rate_can_be_set_and_sets_the_weight() {
    let mut h = harness(WeightsView);
    h.get_by_label("Exchange rates: what the weights imply").click();
    h.run();
    let s = &h.state().0.doc.scenario;
    let cost = s.outcome_index("fiscal_cost").expect("outcome");
    let attacks = s.outcome_index("attacks_west").expect("outcome");
    let scale = |o: usize| (s.outcomes[o].best - s.outcomes[o].worst).abs();
    let (s_cost, s_attacks) = (scale(cost), scale(attacks));
    // Ask for $1bn a year to count as much as half an attack a year.
    h.get_by_role_and_label(Role::SpinButton, "1 $bn of cost of the response")
        .set_value_accesskit(0.5);
    h.run();
    let settings = &h.state().0.doc.state.settings;
    let want = 0.5 * settings.value_weights[attacks] * s_cost / s_attacks;
    assert!(
        (settings.value_weights[cost] - want).abs() < 1e-9,
        "{} vs {want}",
        settings.value_weights[cost]
    );
}

#[test]
fn horizon_weights_are_per_year_and_say_what_each_horizon_counts() {
    let mut h = harness(WeightsView);
    h.get_by_label("How much each outcome matters").click();
    h.run();
    h.get_by_role_and_label(Role::Slider, "Weight per year of Long term (years 2-5)");
    h.get_by_label_contains("covers 4.00 years, discounted to 4.00; counts 4.00 in utility");
    h.get_by_role_and_label(Role::Slider, "Discount per year of later years")
        .set_value_accesskit(0.1);
    h.run();
    let long: f64 = (1..=4).map(|k| 1.1f64.powi(-k)).sum();
    h.get_by_label_contains(&format!("counts {} in utility", number(long)));
    assert_eq!(h.state().0.doc.state.settings.discount_rate, 0.1);
}

#[test]
fn mechanisms_and_values_past_their_range_are_marked_in_the_table() {
    let mut doc = paris();
    let s = doc.scenario.clone();
    let invasion = s.policy_index("article5_invasion").expect("policy");
    doc.state.settings.levers = s.policy_levers(&s.policies[invasion]);
    // Tall enough for every row of the table (its rows beyond the window are not drawn).
    let h = harness_sized(
        Standalone::new(doc).with_samples(),
        ResultsView::default(),
        [1000.0, 1600.0],
    );
    h.get_by_label_contains("Territory held by ISIS (mechanism)");
    // The header says what the mark means.
    h.get_by_label("Outcome (* past its range)");
    // The invasion kills more civilians than the plausible worst: its value goes on counting.
    let civ = s.outcome_index("civilian_deaths").expect("outcome");
    let r = core(&h.state().0);
    let y = r.evaluation.expected[civ * s.horizons.len()];
    assert!(y > s.outcomes[civ].worst, "{y}");
    h.get_by_label(&format!(
        "{}, {}: {}*",
        s.outcomes[civ].name,
        s.horizons[0].name,
        number(y)
    ));
}

/// On a scenario large enough for the study's budget to bind, the Uncertainty tab says how
/// many samples it took instead of 10,000 and why (the count is the documented formula:
/// `max(100, 4e8 / (W m))` with `W` = leaves x (effects + baselines), `m` = policies + 3).
#[test]
fn the_uncertainty_view_says_when_a_large_scenario_is_scaled_down() {
    use motive_lab::model::generate::{Shape, seeded};
    let shape = Shape {
        hypotheses: 30..=30,
        levers: 4..=4,
        outcomes: 4..=4,
        horizons: 2..=2,
        effects: 800..=800,
        policies: 5..=5,
        evidence: 0..=0,
        parameters: 2..=2,
    };
    let scenario = seeded(&shape, 4).expect("generates");
    let work = scenario.leaf_indices().len() * (scenario.effects.len() + scenario.baselines.len());
    let samples = (800_000_000 / (work * (scenario.policies.len() + 3))).max(100);
    assert!(samples < 10_000, "the budget does not bind: {samples}");
    let doc = Document::from_scenario(
        std::sync::Arc::new(scenario),
        motive_lab::model::document::ScenarioSource::Embedded,
    );
    let h = harness_on(
        Standalone::new(doc),
        motive_lab::ui::views::uncertainty::UncertaintyView::default(),
    );
    h.get_by_label_contains(&format!(
        "This scenario is large (one evaluation of a policy is {} units of work)",
        motive_lab::format::count(work)
    ));
    h.get_by_label_contains(&format!("{} samples, not 10,000", motive_lab::format::count(samples)));
    h.get_by_label_contains(&format!("In each of {} samples", motive_lab::format::count(samples)));
    // Paris is not scaled down.
    let h = harness(motive_lab::ui::views::uncertainty::UncertaintyView::default());
    assert!(h.query_by_label_contains("This scenario is large").is_none());
}

#[test]
fn evidence_view_lists_reports_under_their_fact_with_what_learning_it_is_worth() {
    use motive_lab::model::evidence::{Observation, evidence_report};
    use motive_lab::ui::views::evidence::EvidenceView;
    // Tall enough for every row (the matrix draws only those in view).
    let mut h = harness_sized(Standalone::new(paris()), EvidenceView::default(), [1000.0, 2400.0]);
    let s = &h.state().0;
    let (sc, settings) = (&s.doc.scenario, &s.doc.state.settings);
    let model = Model::new(sc).expect("valid");
    let r = core(s);
    let ev = evidence_report(sc, &model, settings, &r);
    let worth = ev.facts[0].sample.evsi;
    let units = r.units.as_ref().ok();
    // The number in the yardstick's units, marked * when it can change the choice.
    let full = motive_lab::model::explain::in_units(units, worth);
    let mark = if ev.facts[0].sample.changes_decision { "*" } else { "" };
    let text = format!("{}{mark}", full.split(' ').next().expect("a number"));
    h.get_by_label_contains("Fact: Attacks on Europe were directed from Raqqa");
    h.get_by_label("6 reports");
    assert!(h.query_all_by_label(&text).next().is_some(), "{text}");
    // The fact's row comes right before its two reports (text is a node's value).
    let mut texts: Vec<String> = h
        .query_all_by(|n| n.value().is_some())
        .filter_map(|n| n.value())
        .collect();
    // A label and its text run carry the same text (a name cut short to fit the column has
    // the whole name on the label and the shortened one on its text run).
    texts.retain(|t| !t.ends_with('…'));
    texts.dedup();
    let at = (texts.iter().position(|l| l.starts_with("Fact: "))).unwrap_or_else(|| panic!("no fact row in {texts:?}"));
    let reports = [
        "abaaoud",
        "reda_hame",
        "syria_team",
        "syria_team_later",
        "brussels",
        "emni",
    ];
    let next: Vec<&String> = texts[at..]
        .iter()
        .filter(|l| l.starts_with("    "))
        .take(reports.len())
        .collect();
    let names: Vec<String> = reports
        .iter()
        .map(|id| {
            let e = h
                .state()
                .0
                .doc
                .scenario
                .evidence
                .iter()
                .find(|e| e.id == *id)
                .expect("item");
            format!("    {}", e.name)
        })
        .collect();
    let mut got: Vec<String> = next.iter().map(|l| l.replace("* ", "")).collect();
    got.sort();
    let mut want = names.clone();
    want.sort();
    assert_eq!(got, want, "{texts:?}");
    // Observing a report sends the edit, like any item.
    h.get_by(|n| n.label().as_deref() == Some("syria_team: true")).click();
    h.run();
    let s = &h.state().0;
    let i = s
        .doc
        .scenario
        .evidence
        .iter()
        .position(|e| e.id == "syria_team")
        .expect("item");
    assert!(s.sent.contains(&Command::Edit(Edit::Observe(i, Observation::True))));
}

/// The small version 3 scenario: two questions, a staged policy, an uncertain baseline and a
/// fact with three reports (docs/file-format.md works its numbers by hand).
fn small_v3() -> Document {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format3-small.ron"))
        .expect("fixture");
    parse_document("format3-small.ron", &text, None, 0).expect("parses")
}

#[test]
fn credences_view_groups_the_sliders_under_each_question() {
    let mut h = harness_on(Standalone::new(small_v3()), CredencesView::default());
    h.get_by_label("Why did they attack?");
    h.get_by_label("How was it organised?");
    // Moving "Directed" rescales its own question only.
    h.get_by(|n| n.role() == Role::Slider && n.label().as_deref() == Some("Directed"))
        .focus();
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    let s = &h.state().0;
    let c = &s.doc.state.settings.credences;
    assert!(c[2] / (c[2] + c[3]) > 0.5, "{c:?}");
    assert!(
        (c[0] / (c[0] + c[1]) - 0.5).abs() < 1e-12,
        "the why question moved: {c:?}"
    );
}

#[test]
fn matrix_view_shows_one_questions_answers_with_what_answering_it_is_worth() {
    let mut h = harness_on(Standalone::new(small_v3()), MatrixView::default());
    // By default the first question's answers: Strike given punish is 0.82, given provoke 0.84.
    h.get_by_label_contains("Worth of answering \u{201c}Why did they attack?\u{201d}: 0.0000");
    h.get_by_label("0.820");
    h.get_by_label("0.840");
    h.get_by(|n| n.role() == Role::RadioButton && n.label().as_deref() == Some("How was it organised?"))
        .click();
    h.run();
    // Given directed Strike is 0.87; answering how is worth 0.005 = 0.1 attacks a year.
    h.get_by_label("0.870");
    h.get_by_label_contains("Worth of answering \u{201c}How was it organised?\u{201d}: 0.0050 = 0.10 attacks a year");
    h.get_by(|n| n.role() == Role::RadioButton && n.label().as_deref() == Some("every combination"))
        .click();
    h.run();
    h.get_by_label("0.655");
}

#[test]
fn levers_view_plans_a_lever_by_stage() {
    let mut h = harness_on(Standalone::new(small_v3()), LeversView);
    assert!(h.query_by_label("    from the later").is_none());
    h.get_by(|n| n.role() == Role::CheckBox && n.label().as_deref() == Some("Plan Troops by stage"))
        .click();
    h.run();
    let later = h.get_by(|n| n.role() == Role::Slider && n.label().as_deref() == Some("    from the later"));
    later.focus();
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    let s = &h.state().0;
    // Troops 0 near, one step (10) from the later horizon on.
    let model = Model::new(&s.doc.scenario).expect("valid");
    assert_eq!(s.doc.state.settings.schedule(&model), [0.0, 0.0, 0.0, 10.0]);
    h.get_by_label_contains("Troops (thousand): 0 then 10");
    // A staged named policy sets the stages; the levers show its plan.
    let staged = s.doc.scenario.policy_index("staged").expect("policy");
    let st = &mut h.state_mut().0;
    let (scenario, opened) = (std::sync::Arc::clone(&st.doc.scenario), st.opened.clone());
    st.doc.state.apply(Edit::Policy(staged), &scenario, &model, &opened);
    h.run();
    h.get_by_label_contains("Troops (thousand): 10 then 60");
}

#[test]
fn with_two_questions_the_outcome_columns_are_given_each_answer() {
    // Striking: attacks later are 2 given directed (4 - 2 under either motive) and 4 given
    // loyalists; near, 6 given punish and 4 given provoke.
    let mut doc = small_v3();
    doc.state.settings.levers = vec![1.0, 0.0];
    let mut s = Standalone::new(doc);
    s.per_hypothesis = true;
    let h = harness_sized(s.with_samples(), ResultsView::default(), [1600.0, 760.0]);
    h.get_by_label("Attacks, Later (years 2-5), given Directed: 2.00");
    h.get_by_label("Attacks, Later (years 2-5), given Loyalists on their own: 4.00");
    h.get_by_label("Attacks, Near term (year 1), given Punishment for the strikes: 6.00");
    h.get_by_label("Attacks, Near term (year 1), given Provocation: 4.00");
}
