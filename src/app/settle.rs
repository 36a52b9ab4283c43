//! Waiting for a value to settle: the uncertainty study starts once the settings have stayed
//! the same for a moment, and the recovery file is written once the document has.

use std::time::{Duration, Instant};

/// A value and since when it has not changed.
#[derive(Debug, Clone)]
pub struct Settle<T> {
    delay: Duration,
    since: Option<(T, Instant)>,
}

impl<T: Clone + PartialEq> Settle<T> {
    /// Settled once unchanged for `delay` (0: at once).
    #[must_use]
    pub fn new(delay: Duration) -> Self {
        Self { delay, since: None }
    }

    /// Settled on `value` already (it is not a change when it is next seen).
    #[must_use]
    pub fn settled(value: T, delay: Duration) -> Self {
        let now = Instant::now();
        Self {
            delay,
            since: Some((value, now.checked_sub(delay).unwrap_or(now))),
        }
    }

    /// Change how long a value must stay the same.
    pub fn set_delay(&mut self, delay: Duration) {
        self.delay = delay;
    }

    /// Whether `value`, seen at `now`, has stayed the same for the delay: `Ok` if so, else how
    /// much longer to wait (a new value starts the wait afresh).
    ///
    /// # Errors
    /// Not settled yet: the time left.
    pub fn check(&mut self, value: &T, now: Instant) -> Result<(), Duration> {
        if self.delay.is_zero() {
            return Ok(());
        }
        match &self.since {
            Some((v, since)) if v == value => {
                let waited = now.duration_since(*since);
                if waited < self.delay {
                    Err(self.delay.saturating_sub(waited))
                } else {
                    Ok(())
                }
            }
            _ => {
                self.since = Some((value.clone(), now));
                Err(self.delay)
            }
        }
    }

    /// Forget the value being waited on.
    pub fn reset(&mut self) {
        self.since = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_settles_after_the_delay_and_a_change_starts_the_wait_again() {
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        let mut s = Settle::new(ms(250));
        assert_eq!(s.check(&1, t0), Err(ms(250)));
        assert_eq!(s.check(&1, t0 + ms(100)), Err(ms(150)));
        assert_eq!(s.check(&1, t0 + ms(250)), Ok(()));
        assert_eq!(s.check(&2, t0 + ms(300)), Err(ms(250)));
        assert_eq!(s.check(&2, t0 + ms(549)), Err(ms(1)));
        assert_eq!(s.check(&2, t0 + ms(600)), Ok(()));
        s.reset();
        assert_eq!(s.check(&2, t0 + ms(700)), Err(ms(250)));
        let mut at_once = Settle::new(Duration::ZERO);
        assert_eq!(at_once.check(&1, t0), Ok(()));
        // Settled from the start: its value is at rest, a new one waits.
        let mut opened = Settle::settled(5, ms(250));
        assert_eq!(opened.check(&5, Instant::now()), Ok(()));
        assert!(opened.check(&6, Instant::now()).is_err());
    }
}
