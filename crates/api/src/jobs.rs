//! Every periodic task, and the one scheduler that runs them.
//!
//! The work of each job is a service (`services::agreements::run_due`,
//! `services::hours::close_forgotten`, `services::volunteers::remind_renewals`): idempotent,
//! safe to run on several servers at once, and callable by hand from tests. This module is the
//! only place that knows *when* they run. To add a job: a variant of [`Job`], its interval in
//! [`Job::every`] (a setting under `[jobs]`), its call in [`Job::run`].

use std::time::Duration;

use chrono::Utc;
use sea_orm::DatabaseConnection;
use tokio::time::Instant;

use crate::config::Settings;
use crate::error::ApiResult;
use crate::services::{agreements, hours, volunteers};

/// A periodic task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Activates signed agreements on their effective date, expires them after their last day,
    /// raises renewal reminders 90, 60 and 30 days before expiry.
    Agreements,
    /// Closes volunteer visits left open past the check-out cap (flagged for review).
    ForgottenCheckOuts,
    /// Queues clearance renewal reminders before a volunteer's clearance lapses.
    ClearanceReminders,
}

impl Job {
    /// Every job, in the order they run when several are due at once.
    pub const ALL: [Job; 3] = [
        Job::Agreements,
        Job::ForgottenCheckOuts,
        Job::ClearanceReminders,
    ];

    /// How often the job runs; `None` when its setting is 0 (off; tests run jobs by hand).
    pub fn every(self, settings: &Settings) -> Option<Duration> {
        let secs = match self {
            Job::Agreements => settings.jobs.agreements_interval_secs,
            Job::ForgottenCheckOuts | Job::ClearanceReminders => settings.jobs.hours_interval_secs,
        };
        (secs > 0).then(|| Duration::from_secs(secs))
    }

    /// One run; returns how many records it changed.
    pub async fn run(self, db: &DatabaseConnection, settings: &Settings) -> ApiResult<usize> {
        match self {
            Job::Agreements => {
                let r = agreements::run_due(db, agreements::today()).await?;
                Ok(r.activated + r.expired + r.reminders)
            }
            Job::ForgottenCheckOuts => {
                let cap = settings.volunteers.checkout_cap_hours;
                Ok(hours::close_forgotten(db, Utc::now(), cap).await? as usize)
            }
            Job::ClearanceReminders => {
                Ok(volunteers::remind_renewals(db, Utc::now().date_naive()).await? as usize)
            }
        }
    }
}

/// When each enabled job runs next. Pure bookkeeping, so the timing rules are unit-tested
/// without a clock: a job is due at start, then every interval after its last run; a run that
/// overran its interval is not repeated to catch up.
#[derive(Debug)]
pub struct Schedule {
    jobs: Vec<(Job, Duration, Instant)>,
}

impl Schedule {
    /// Every job with an interval, all due at `start`.
    pub fn new(plan: impl IntoIterator<Item = (Job, Duration)>, start: Instant) -> Self {
        Schedule {
            jobs: plan.into_iter().map(|(j, d)| (j, d, start)).collect(),
        }
    }

    /// True when no job is enabled.
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// The next instant a job is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.jobs.iter().map(|(_, _, at)| *at).min()
    }

    /// The jobs due at `now`, in [`Job::ALL`] order; each is moved to its next run.
    pub fn take_due(&mut self, now: Instant) -> Vec<Job> {
        let mut due = Vec::new();
        for (job, every, at) in &mut self.jobs {
            if *at <= now {
                due.push(*job);
                *at = now + *every;
            }
        }
        due
    }
}

/// Starts the scheduler: one task that runs every enabled job at its interval, one job at a
/// time. Errors are logged and the job is retried at its next turn. Does nothing when every
/// job is off.
pub fn start(db: DatabaseConnection, settings: std::sync::Arc<Settings>) {
    let plan: Vec<(Job, Duration)> = Job::ALL
        .iter()
        .filter_map(|j| j.every(&settings).map(|d| (*j, d)))
        .collect();
    let mut schedule = Schedule::new(plan, Instant::now());
    if schedule.is_empty() {
        return;
    }
    tokio::spawn(async move {
        while let Some(at) = schedule.next_due() {
            tokio::time::sleep_until(at).await;
            for job in schedule.take_due(Instant::now()) {
                match job.run(&db, &settings).await {
                    Ok(0) => {}
                    Ok(changed) => tracing::info!(?job, changed, "job ran"),
                    Err(e) => tracing::error!(?job, error = ?e, "job failed"),
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn every_job_is_due_at_start_then_at_its_own_interval() {
        let t0 = Instant::now();
        let mut s = Schedule::new(
            [(Job::Agreements, 5 * MIN), (Job::ForgottenCheckOuts, MIN)],
            t0,
        );
        assert_eq!(s.next_due(), Some(t0));
        assert_eq!(
            s.take_due(t0),
            vec![Job::Agreements, Job::ForgottenCheckOuts]
        );
        assert_eq!(s.next_due(), Some(t0 + MIN));
        assert!(s.take_due(t0 + MIN / 2).is_empty());
        assert_eq!(s.take_due(t0 + MIN), vec![Job::ForgottenCheckOuts]);
        assert_eq!(
            s.take_due(t0 + 5 * MIN),
            vec![Job::Agreements, Job::ForgottenCheckOuts]
        );
    }

    #[test]
    fn an_overrun_is_not_caught_up_with_repeated_runs() {
        let t0 = Instant::now();
        let mut s = Schedule::new([(Job::ClearanceReminders, MIN)], t0);
        assert_eq!(s.take_due(t0), vec![Job::ClearanceReminders]);
        // The scheduler was busy for ten intervals: the job runs once, then one interval later.
        let late = t0 + 10 * MIN;
        assert_eq!(s.take_due(late), vec![Job::ClearanceReminders]);
        assert!(s.take_due(late + MIN / 2).is_empty());
        assert_eq!(s.next_due(), Some(late + MIN));
    }

    #[test]
    fn a_job_set_to_zero_is_off() {
        let mut settings = Settings::defaults().unwrap();
        settings.jobs.agreements_interval_secs = 0;
        settings.jobs.hours_interval_secs = 300;
        assert_eq!(Job::Agreements.every(&settings), None);
        assert_eq!(Job::ClearanceReminders.every(&settings), Some(5 * MIN));
    }
}
