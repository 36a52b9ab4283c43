//! Editing credences the way people think about them: as shares of a sibling group that always
//! add up to 100%, moving one rescales the others in proportion, and locked ones keep their share.

use crate::model::evaluate::Model;

/// The sibling group of hypothesis `h`: the top-level hypotheses of its question, or its
/// parent's children.
#[must_use]
fn group_of(model: &Model, h: usize) -> &[usize] {
    match model.parent()[h] {
        Some(p) => &model.children()[p],
        None => model.question_roots(model.question_of(h)),
    }
}

/// Shares of each member of `group` (summing to 1; equal if every credence is zero).
#[must_use]
pub fn shares(credences: &[f64], group: &[usize]) -> Vec<f64> {
    let total: f64 = group.iter().map(|&i| credences[i]).sum();
    group
        .iter()
        .map(|&i| {
            if total > 0.0 {
                credences[i] / total
            } else {
                1.0 / group.len() as f64
            }
        })
        .collect()
}

/// Equal shares within every sibling group, except that locked hypotheses keep their share and
/// the unlocked ones share what is left equally. A group whose members are all locked keeps
/// its shares. The credences are rewritten as shares summing to 1 in each group.
#[must_use]
pub fn equalise(model: &Model, credences: &[f64], locked: &[bool]) -> Vec<f64> {
    let mut out = credences.to_vec();
    let groups = (0..model.n_questions())
        .map(|q| model.question_roots(q))
        .chain(model.children().iter().filter(|c| !c.is_empty()).map(Vec::as_slice));
    for group in groups {
        let old = shares(credences, group);
        let is_locked = |i: usize| locked.get(i).copied().unwrap_or(false);
        let locked_total: f64 = group
            .iter()
            .zip(&old)
            .filter(|(i, _)| is_locked(**i))
            .map(|(_, s)| s)
            .sum();
        let free = group.iter().filter(|&&i| !is_locked(i)).count();
        let each = if free == 0 {
            0.0
        } else {
            (1.0 - locked_total).max(0.0) / free as f64
        };
        for (&i, &s) in group.iter().zip(&old) {
            out[i] = if is_locked(i) || free == 0 { s } else { each };
        }
    }
    out
}

/// Every hypothesis's share of its sibling group, in hypothesis order.
#[must_use]
pub fn all_shares(model: &Model, credences: &[f64]) -> Vec<f64> {
    (0..credences.len())
        .map(|h| {
            let group = group_of(model, h);
            let k = group.iter().position(|&i| i == h).unwrap_or(0);
            shares(credences, group).get(k).copied().unwrap_or(0.0)
        })
        .collect()
}

/// Set hypothesis `target`'s share of its sibling group to `share` (0 to 1). Unlocked siblings
/// are rescaled in proportion to fill the rest (equally if they are all zero); locked siblings
/// keep their share. The group's credences are rewritten as shares summing to 1.
/// Returns the share actually set, which locked siblings or a lone group may limit.
pub fn set_share(model: &Model, credences: &mut [f64], target: usize, share: f64, locked: &[bool]) -> f64 {
    let group = group_of(model, target).to_vec();
    let old = shares(credences, &group);
    let mut locked_total = 0.0;
    let mut free_total = 0.0;
    let mut free_count = 0usize;
    for (k, &i) in group.iter().enumerate() {
        if i == target {
            continue;
        }
        if locked.get(i).copied().unwrap_or(false) {
            locked_total += old[k];
        } else {
            free_total += old[k];
            free_count += 1;
        }
    }
    let own = group.iter().position(|&i| i == target).map_or(0.0, |k| old[k]);
    let p = if free_count == 0 {
        own
    } else {
        share.clamp(0.0, (1.0 - locked_total).max(0.0))
    };
    let rest = (1.0 - p - locked_total).max(0.0);
    for (k, &i) in group.iter().enumerate() {
        credences[i] = if i == target {
            p
        } else if locked.get(i).copied().unwrap_or(false) {
            old[k]
        } else if free_total > 0.0 {
            old[k] * rest / free_total
        } else {
            rest / free_count as f64
        };
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::tiny;

    /// The tiny scenario with a third child under B (prior 2), so a lock leaves a sibling free.
    fn tiny_with_b3() -> crate::model::scenario::Scenario {
        let mut s = tiny();
        s.hypotheses.push(crate::model::scenario::Hypothesis {
            id: "B3".into(),
            name: "B3".into(),
            description: String::new(),
            source: String::new(),
            prior: 2.0,
            parent: Some("B".into()),
            question: None,
        });
        s
    }

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} != {b}");
    }

    #[test]
    fn moving_one_share_rescales_the_others_in_proportion() {
        // Tiny has A, B at the top and B1, B2 under B. Four top-level siblings? No: two.
        let m = Model::new(&tiny()).expect("valid");
        let mut c = vec![1.0, 3.0, 1.0, 3.0];
        let set = set_share(&m, &mut c, 2, 0.5, &[false; 4]);
        close(set, 0.5);
        // B1 and B2 now share B 50/50; A and B untouched.
        assert_eq!(c, vec![1.0, 3.0, 0.5, 0.5]);
        let set = set_share(&m, &mut c, 0, 0.6, &[false; 4]);
        close(set, 0.6);
        close(c[0], 0.6);
        close(c[1], 0.4);
    }

    #[test]
    fn locked_siblings_keep_their_share_and_cap_the_others() {
        let s = tiny_with_b3();
        let m = Model::new(&s).expect("valid");
        let mut c = vec![1.0, 1.0, 1.0, 1.0, 2.0];
        let mut locked = vec![false; 5];
        locked[4] = true; // B3 holds 50%
        let set = set_share(&m, &mut c, 2, 0.8, &locked);
        close(set, 0.5);
        close(c[2], 0.5);
        close(c[3], 0.0);
        close(c[4], 0.5);
        let set = set_share(&m, &mut c, 2, 0.2, &locked);
        close(set, 0.2);
        close(c[3], 0.3);
        close(c[4], 0.5);
    }

    #[test]
    fn all_shares_are_each_hypothesis_in_its_group() {
        let m = Model::new(&tiny()).expect("valid");
        // A:B = 1:3 at the top, B1:B2 = 1:1 under B.
        assert_eq!(all_shares(&m, &[1.0, 3.0, 1.0, 1.0]), vec![0.25, 0.75, 0.5, 0.5]);
    }

    #[test]
    fn equalise_keeps_locked_shares_and_splits_the_rest() {
        let s = tiny_with_b3();
        let m = Model::new(&s).expect("valid");
        // A:B = 1:3; B1:B2:B3 = 1:1:2, B3 (50%) locked.
        let mut locked = vec![false; 5];
        locked[4] = true;
        let c = equalise(&m, &[1.0, 3.0, 1.0, 1.0, 2.0], &locked);
        assert_eq!(c, vec![0.5, 0.5, 0.25, 0.25, 0.5]);
        // Nothing locked: equal shares everywhere.
        let c = equalise(&m, &[1.0, 3.0, 1.0, 1.0, 2.0], &[false; 5]);
        close(c[0], 0.5);
        close(c[2], 1.0 / 3.0);
        close(c[4], 1.0 / 3.0);
    }

    #[test]
    fn all_zero_siblings_fill_equally() {
        let m = Model::new(&tiny()).expect("valid");
        let mut c = vec![1.0, 1.0, 1.0, 0.0];
        set_share(&m, &mut c, 2, 1.0, &[false; 4]);
        assert_eq!((c[2], c[3]), (1.0, 0.0));
        set_share(&m, &mut c, 2, 0.4, &[false; 4]);
        close(c[3], 0.6);
    }
}
