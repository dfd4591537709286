//! Counting against the goal: active MOUs per quarter, and the goals themselves.

use super::*;

/// Active MOUs per quarter against the goal, with the agreements behind each number.
pub async fn metrics(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &MetricsQuery,
) -> ApiResult<AgreementMetrics> {
    auth.require(Permission::ReadMetrics)?;
    let to = q.to.unwrap_or_else(today);
    let from = q
        .from
        .unwrap_or_else(|| to - chrono::Months::new(12) + chrono::Days::new(1));
    if from > to {
        return Err(ApiError::invalid_field(
            "from",
            "after_to",
            "`from` comes after `to`.",
        ));
    }
    let quarters = Quarter::range(from, to, 40);
    let up_to = quarters.last().map(|q| q.last_day()).unwrap_or(to);
    let goal = repo::get_goal(db, ACTIVE_MOUS_GOAL).await.ok();
    let kinds = goal
        .as_ref()
        .map(|g| g.counted_kinds.clone())
        .unwrap_or_default();
    let changes = repo::status_changes(db, up_to, &kinds).await?;
    let counts = rules::count_by_quarter(&changes, &quarters);
    let mut ids: Vec<AgreementId> = counts
        .iter()
        .flat_map(|c| {
            c.active
                .iter()
                .chain(&c.new)
                .chain(&c.renewed)
                .chain(&c.expired)
                .chain(&c.terminated)
                .copied()
        })
        .collect();
    ids.sort();
    ids.dedup();
    Ok(AgreementMetrics {
        definition: ACTIVE_MOU_DEFINITION.into(),
        group_by: q.group_by.unwrap_or(AgreementGrouping::Quarter),
        quarters: counts,
        goal,
        agreements: repo::refs(db, &ids).await?,
    })
}

/// Every goal.
pub async fn goals(db: &DatabaseConnection, auth: &AuthUser) -> ApiResult<Vec<Goal>> {
    auth.require(Permission::ReadMetrics)?;
    Ok(repo::goals(db).await?)
}

/// Changes a goal (admin).
pub async fn set_goal(
    db: &DatabaseConnection,
    auth: &AuthUser,
    key: &str,
    version: i32,
    input: GoalInput,
) -> ApiResult<Goal> {
    auth.require(Permission::ManageGoals)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let before = repo::get_goal(&txn, key).await.or_not_found("goal")?;
    repo::set_goal(&txn, key, version, &input, auth.id).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Goal,
        key,
        AuditAction::Update,
        serde_json::json!({
            "baseline": { "before": before.baseline, "after": input.baseline },
            "target": { "before": before.target, "after": input.target },
            "deadline": { "before": before.deadline, "after": input.deadline },
            "counted_kinds": { "before": before.counted_kinds, "after": input.counted_kinds },
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(repo::get_goal(db, key).await?)
}
