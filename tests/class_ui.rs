//! The class's beliefs in the app: a student's credence code under the sliders, and the
//! instructor's Class tab reading pasted codes, pooling them, setting the sliders to a pool and
//! scoring each code once the answer is named. Every figure is checked against the core's.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test stops at the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use motive_lab::format::percent;
use motive_lab::model::class::{Class, Code, brier, credences_from, pool};
use motive_lab::model::evaluate::Model;
use motive_lab::ui::ctx::{Command, Edit};
use motive_lab::ui::standalone::Standalone;
use motive_lab::ui::views::class::ClassView;
use motive_lab::ui::views::credences::CredencesView;

mod common;
use common::{harness_on, paris};

/// Twenty codes: h1 from 5% to 100% against the other motives, h6a's part and central's varied.
fn codes() -> Vec<String> {
    let doc = paris();
    let m = Model::new(&doc.scenario).expect("valid");
    (0..20)
        .map(|i| {
            let mut c = doc.state.settings.credences.clone();
            c[0] = f64::from(i) * 0.4;
            c[6] = f64::from(i % 4);
            c[10] = f64::from(i % 3) + 0.5;
            Code::of(&doc.scenario, &m, &c).text()
        })
        .collect()
}

#[test]
fn the_credences_panel_shows_the_code_of_the_credences_and_follows_a_slider() {
    let mut h = harness_on(Standalone::new(paris()), CredencesView::default());
    let shown = |h: &common::H<CredencesView>| {
        h.get_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.starts_with("ML1-")))
            .value()
            .unwrap_or_default()
    };
    assert_eq!(shown(&h), "ML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WW");
    h.get_by_role_and_label(Role::Slider, "1. They attack whatever we do")
        .set_value_accesskit(60.0);
    h.run();
    let s = &h.state().0;
    let m = Model::new(&s.doc.scenario).expect("valid");
    let want = Code::of(&s.doc.scenario, &m, &s.doc.state.settings.credences).text();
    assert_ne!(want, "ML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WW");
    assert_eq!(shown(&h), want);
    // 60% is "1W" (1 x 32 + 28).
    assert!(want.starts_with("ML1-paris-2015-1W"), "{want}");
}

#[test]
fn the_class_tab_pools_pasted_codes_sets_the_sliders_and_scores_the_codes() {
    let mut h = harness_on(Standalone::new(paris()), ClassView::default());
    let mut pasted = codes().join("\n");
    pasted.push_str("\nML1-paris-2015-0H0H0H0H0H0H0S0S0S0S111111-WX\n");
    let box_ = h.get_by_role(Role::MultilineTextInput);
    box_.focus();
    h.run();
    h.event(egui::Event::Paste(pasted.clone()));
    h.run();
    h.get_by_label_contains("20 codes read for paris-2015; 1 refused");
    // The strips say what the core's pool gives.
    let doc = paris();
    let m = Model::new(&doc.scenario).expect("valid");
    let class = Class::read(&doc.scenario, &pasted);
    let pools = pool(&m, &class.credences);
    let why = &pools[0];
    let strip = format!(
        "1. They attack whatever we do: 20 students; linear pool {}, log pool {}",
        percent(why.linear[0]),
        percent(why.log[0])
    );
    h.get_by_label(&strip);
    // Set the sliders to the linear pool: the credences sent are the pool's.
    h.get_by_role_and_label(Role::Button, "Linear pool (mean)").click();
    h.run();
    let sent: Vec<&Vec<f64>> = (h.state().0.sent.iter())
        .filter_map(|c| match c {
            Command::Edit(Edit::Credences(c)) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(sent, [&credences_from(&m, &pools, |p| &p.linear)]);
    let mut w = vec![0.0; m.children().len()];
    m.hypothesis_weights(&h.state().0.doc.state.settings.credences, &mut w)
        .expect("weights");
    for (i, &leaf) in why.leaves.iter().enumerate() {
        assert!((w[leaf] - why.linear[i]).abs() < 1e-12);
    }
    // Name the answer: 6a. The scores are the core's.
    h.get_by_label("The answer the later record supports:");
    h.state_mut().1.answer = Some("h6a".to_owned());
    h.run();
    let linear = brier(&m, &why.leaves, &why.linear, 6);
    let log = brier(&m, &why.leaves, &why.log, 6);
    let mean = why.students.iter().map(|p| brier(&m, &why.leaves, p, 6)).sum::<f64>() / 20.0;
    h.get_by_label_contains(&format!(
        "linear pool {linear:.3}, log pool {log:.3}, students' mean {mean:.3}"
    ));
    assert!(linear <= mean);
}

#[test]
fn the_class_is_saved_as_text_and_read_back_into_the_app() {
    let dir = std::env::temp_dir().join(format!("motive-lab-class-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("period-3.txt");
    let codes = codes();
    std::fs::write(&file, codes[..12].join("\n")).expect("write");
    let mut h = common::app_at(1280.0, 800.0);
    h.state_mut().send(Command::ReadClassCodes(Some(file.clone())));
    h.run();
    h.get_by_label_contains("12 codes read for paris-2015");
    // Saved through the path window, one code a line, and read by the same reader.
    let saved = dir.join("saved.txt");
    h.state_mut()
        .send(Command::ShowFileWindow(motive_lab::ui::ctx::FileAction::Export(
            motive_lab::ui::ctx::ExportKind::ClassCodes,
        )));
    h.state_mut().send(Command::PathChosen {
        path: saved.clone(),
        replace: false,
    });
    h.run();
    let text = std::fs::read_to_string(&saved).expect("saved");
    let doc = paris();
    let back = Class::read(&doc.scenario, &text);
    assert_eq!(back.codes, codes[..12]);
    assert!(back.refused.is_empty());
    // A file that is not there changes nothing and says so.
    h.state_mut()
        .send(Command::ReadClassCodes(Some(dir.join("missing.txt"))));
    h.run();
    h.get_by_label_contains("12 codes read for paris-2015");
    h.get_by_label_contains("Could not read the codes");
    std::fs::remove_dir_all(&dir).ok();
}
