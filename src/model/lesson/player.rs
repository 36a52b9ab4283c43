//! Playing a lesson: which step is shown and whether its question still hides the results. A
//! state machine, `on(move) -> what to show`, tested without the app.

/// What the instructor asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Reveal the results of a step that asks first, else step on.
    Next,
    /// Step back (the step is shown revealed: the class has seen it).
    Previous,
    /// Go to step `n` (revealed).
    Goto(usize),
}

/// What the app must show after a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Step `n`'s state, tab and narration (its results hidden while it asks).
    Step(usize),
    /// The results of the step shown, no longer hidden.
    Reveal,
    /// Nothing changes (the first or the last step already).
    Nothing,
}

/// A lesson being played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Player {
    step: usize,
    asking: bool,
    /// Whether each step asks a question first.
    asks: Vec<bool>,
}

impl Player {
    /// Start at the first step; `asks[i]`: whether step `i` asks a question first.
    #[must_use]
    pub fn start(asks: Vec<bool>) -> (Self, Shown) {
        let asking = asks.first().copied().unwrap_or(false);
        let shown = if asks.is_empty() {
            Shown::Nothing
        } else {
            Shown::Step(0)
        };
        (Self { step: 0, asking, asks }, shown)
    }

    /// The step shown.
    #[must_use]
    pub fn step(&self) -> usize {
        self.step
    }

    /// Whether the step's question still hides its results.
    #[must_use]
    pub fn asking(&self) -> bool {
        self.asking
    }

    /// Number of steps.
    #[must_use]
    pub fn len(&self) -> usize {
        self.asks.len()
    }

    /// Whether the lesson has no step.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.asks.is_empty()
    }

    /// Whether the last step is shown, revealed.
    #[must_use]
    pub fn at_end(&self) -> bool {
        !self.asking && self.step + 1 >= self.asks.len()
    }

    /// Apply a move.
    pub fn on(&mut self, m: Move) -> Shown {
        match m {
            Move::Next if self.asking => {
                self.asking = false;
                Shown::Reveal
            }
            Move::Next if self.step + 1 < self.asks.len() => {
                self.step += 1;
                self.asking = self.asks[self.step];
                Shown::Step(self.step)
            }
            Move::Previous if self.step > 0 => {
                self.step -= 1;
                self.asking = false;
                Shown::Step(self.step)
            }
            Move::Goto(n) if n < self.asks.len() && (n != self.step || self.asking) => {
                self.step = n;
                self.asking = false;
                Shown::Step(n)
            }
            Move::Next | Move::Previous | Move::Goto(_) => Shown::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_hides_the_results_until_the_next_move_reveals_them() {
        let (mut p, shown) = Player::start(vec![false, true, false]);
        assert_eq!((shown, p.step(), p.asking()), (Shown::Step(0), 0, false));
        assert_eq!(p.on(Move::Previous), Shown::Nothing);
        assert_eq!(p.on(Move::Next), Shown::Step(1));
        assert!(p.asking());
        assert_eq!(p.on(Move::Next), Shown::Reveal);
        assert!(!p.asking());
        assert_eq!(p.on(Move::Next), Shown::Step(2));
        assert!(p.at_end());
        assert_eq!(p.on(Move::Next), Shown::Nothing);
        // Back to a step that asks: the class has seen it, so it is shown revealed.
        assert_eq!(p.on(Move::Previous), Shown::Step(1));
        assert!(!p.asking());
        assert_eq!(p.on(Move::Goto(0)), Shown::Step(0));
        assert_eq!(p.on(Move::Goto(0)), Shown::Nothing);
        assert_eq!(p.on(Move::Goto(9)), Shown::Nothing);
    }

    #[test]
    fn a_lesson_that_asks_first_starts_asking() {
        let (p, shown) = Player::start(vec![true]);
        assert_eq!(shown, Shown::Step(0));
        assert!(p.asking() && !p.at_end());
        let (e, shown) = Player::start(Vec::new());
        assert_eq!(shown, Shown::Nothing);
        assert!(e.is_empty());
    }
}
