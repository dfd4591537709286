//! The daily work on agreements: activation on the effective date, expiry after the last day,
//! renewal reminders. `crate::jobs` decides when it runs.

use super::*;

/// What one run of the job did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobReport {
    /// Agreements activated (signed, effective date reached).
    pub activated: usize,
    /// Agreements expired.
    pub expired: usize,
    /// Renewal reminders raised (and queued in the outbox).
    pub reminders: usize,
}

/// Activates, expires and reminds as of `today`. Idempotent, and safe to run on several
/// servers at once: each change is its own transaction guarded by the row's version, and a
/// reminder is keyed by (agreement, threshold, expiry date) so it is raised once.
pub async fn run_due(db: &DatabaseConnection, today: NaiveDate) -> ApiResult<JobReport> {
    let mut report = JobReport::default();
    for row in repo::awaiting_from(db, today).await? {
        let id = row.id;
        if repo::signatures(db, id).await?.len() < Party::ALL.len() {
            continue;
        }
        let txn = db::begin_write(db).await?;
        match move_status(
            &txn,
            None,
            &row,
            AgreementAction::Activate,
            None,
            today,
            None,
        )
        .await
        {
            Ok(_) => {
                txn.commit().await?;
                report.activated += 1;
            }
            // Another server got there first.
            Err(ApiError::VersionMismatch) => txn.rollback().await?,
            Err(e) => return Err(e),
        }
    }
    for row in repo::past_expiry(db, today).await? {
        let Some(last_day) = row.expires_on else {
            continue;
        };
        // In effect through its last day: expired from the day after, however late the job.
        let effective = last_day.succ_opt().unwrap_or(last_day);
        let txn = db::begin_write(db).await?;
        let note = Some(format!("Expired after {last_day}"));
        match move_status(
            &txn,
            None,
            &row,
            AgreementAction::Expire,
            note,
            effective,
            None,
        )
        .await
        {
            Ok(_) => {
                let recipient = owner_email(&txn, &row).await;
                applications::queue_message(
                    &txn,
                    "agreement_expired",
                    &recipient,
                    &format!("Expired: \"{}\"", row.title),
                    &format!(
                        "The agreement \"{}\" ended after {last_day}: /agreements/{}",
                        row.title, row.id
                    ),
                )
                .await?;
                txn.commit().await?;
                report.expired += 1;
            }
            Err(ApiError::VersionMismatch) => txn.rollback().await?,
            Err(e) => return Err(e),
        }
    }
    let horizon = today + chrono::Days::new(90);
    for row in repo::in_force_expiring_by(db, horizon, &Audience::All).await? {
        let Some(expires) = row.expires_on else {
            continue;
        };
        let days_left = (expires - today).num_days();
        // The nearest threshold reached; thresholds passed while nobody ran the job are skipped.
        let Some(threshold) = REMINDER_DAYS
            .iter()
            .copied()
            .filter(|t| days_left <= *t)
            .min()
        else {
            continue;
        };
        let txn = db::begin_write(db).await?;
        let id = row.id;
        let owner = row.owner_id;
        let threshold = i32::try_from(threshold).unwrap_or(30);
        if repo::raise_reminder(&txn, id, threshold, expires, owner).await? {
            queue_reminder(&txn, &row, threshold, expires).await?;
            txn.commit().await?;
            report.reminders += 1;
        } else {
            txn.rollback().await?;
        }
    }
    Ok(report)
}

/// The district owner's email; the office's shared queue when nobody owns the agreement.
pub(super) async fn owner_email(db: &impl ConnectionTrait, row: &repo::Row) -> String {
    match row.owner_id {
        Some(o) => users::get(db, o).await.ok().map(|a| a.user.email),
        None => None,
    }
    .unwrap_or_else(|| "partnerships-office".into())
}

pub(super) async fn queue_reminder(
    db: &impl ConnectionTrait,
    row: &repo::Row,
    threshold: i32,
    expires: NaiveDate,
) -> ApiResult<()> {
    let recipient = owner_email(db, row).await;
    applications::queue_message(
        db,
        "agreement_renewal",
        &recipient,
        &format!("Renewal due: \"{}\" expires in {threshold} days", row.title),
        &format!(
            "The agreement \"{}\" expires on {expires}. Decide whether to renew it: /agreements/{}",
            row.title, row.id
        ),
    )
    .await?;
    Ok(())
}
