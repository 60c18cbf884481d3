//! The work budget of one extraction: a deadline that the stages check inside their loops,
//! so that a job running past its request's timeout stops and frees its worker.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// How many checks pass between two reads of the clock.
const CHECKS_PER_CLOCK_READ: u32 = 256;

/// A deadline for one extraction. Stages call [`Budget::exhausted`] in their loops and stop
/// early when it answers true; the pipeline then reports the job as out of time.
#[derive(Debug)]
pub struct Budget {
    deadline: Option<Instant>,
    calls: Cell<u32>,
    spent: Cell<bool>,
}

impl Budget {
    /// A budget without a deadline (the command line, the benches, the tests).
    pub fn unlimited() -> Budget {
        Budget { deadline: None, calls: Cell::new(0), spent: Cell::new(false) }
    }

    /// A budget that ends at `deadline`.
    pub fn until(deadline: Instant) -> Budget {
        Budget { deadline: Some(deadline), calls: Cell::new(0), spent: Cell::new(false) }
    }

    /// A budget that ends `time` from now.
    pub fn lasting(time: Duration) -> Budget {
        Budget::until(Instant::now() + time)
    }

    /// True once the deadline has passed. Cheap enough for inner loops: the clock is read
    /// once every few hundred calls, and once spent the budget stays spent.
    pub fn exhausted(&self) -> bool {
        if self.spent.get() {
            return true;
        }
        let Some(deadline) = self.deadline else { return false };
        let n = self.calls.get().wrapping_add(1);
        self.calls.set(n);
        if n.is_multiple_of(CHECKS_PER_CLOCK_READ) && Instant::now() >= deadline {
            self.spent.set(true);
        }
        self.spent.get()
    }

    /// True once the deadline has passed, reading the clock now (between stages).
    pub fn exhausted_now(&self) -> bool {
        if let Some(deadline) = self.deadline
            && Instant::now() >= deadline
        {
            self.spent.set(true);
        }
        self.spent.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unlimited_budget_never_ends() {
        let b = Budget::unlimited();
        assert!((0..10_000).all(|_| !b.exhausted()));
        assert!(!b.exhausted_now());
    }

    #[test]
    fn a_past_deadline_is_seen_within_one_clock_period() {
        let b = Budget::until(Instant::now());
        let calls = (0..10_000).take_while(|_| !b.exhausted()).count();
        assert!(calls < CHECKS_PER_CLOCK_READ as usize, "{calls}");
        assert!(b.exhausted(), "a spent budget stays spent");
    }

    #[test]
    fn a_future_deadline_is_not_spent() {
        let b = Budget::lasting(Duration::from_secs(3600));
        assert!((0..10_000).all(|_| !b.exhausted()));
        assert!(!b.exhausted_now());
    }
}
