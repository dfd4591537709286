//! `/needs`: a school's needs for a school year, and — for the office and coordinators — how
//! many schools have their three primary needs, with the schools that still lack them.

use domain::Permission;
use domain::needs::{
    Coverage, CoverageQuery, Need, NeedQuery, NeedsAssessment, OpenAssessment, school_year_label,
};
use domain::school::SchoolChoice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::{error_text, use_auth};
use crate::components::load::{LoadedView, load};
use crate::components::status::Empty;
use crate::i18n::{Key, Lang, use_i18n};

/// The school year that holds today, by the district's default (July); the page offers the
/// years around it.
pub fn this_school_year() -> i32 {
    let d = js_sys::Date::new_0();
    let year = d.get_full_year() as i32;
    if d.get_month() >= 6 { year } else { year - 1 }
}

/// The needs page.
#[component]
pub fn NeedsPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let query = use_query_map();
    let year = RwSignal::new(
        query
            .with_untracked(|q| q.get("year"))
            .and_then(|y| y.parse().ok())
            .unwrap_or_else(this_school_year),
    );
    let school = RwSignal::new(
        query
            .with_untracked(|q| q.get("school"))
            .unwrap_or_default(),
    );
    // The schools the caller records for: a coordinator's own, everyone else's the directory.
    let schools = load(
        || (),
        move |c, ()| async move {
            let mine = auth
                .me
                .with_untracked(|m| m.as_ref().map(|m| m.school_ids.clone()));
            let all = c.public_schools().await?;
            Ok(match mine.filter(|ids| !ids.is_empty()) {
                Some(ids) => all.into_iter().filter(|s| ids.contains(&s.id)).collect(),
                None => all,
            })
        },
    );
    // A coordinator with one school starts on it.
    Effect::new(move |_| {
        if let Some(Ok(list)) = schools.get()
            && list.len() == 1
            && school.get_untracked().is_empty()
        {
            school.set(list[0].id.to_string());
        }
    });
    let needs = load(
        move || (school.get(), year.get()),
        |c, (school, year)| async move {
            let q = NeedQuery {
                school_id: school.parse().ok(),
                school_year: Some(year),
                limit: Some(100),
                ..Default::default()
            };
            let mut page = c.list_needs(&q).await?;
            page.items.sort_by_key(|n| (n.school_name.clone(), n.rank));
            Ok(page.items)
        },
    );
    let years = move || {
        let now = this_school_year();
        (now - 2..=now + 1).rev().collect::<Vec<_>>()
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::NeedsTitle)}</h1>
                <Show when=move || auth.can(Permission::ManageNeeds)>
                    <A href=move || format!("/needs/new?school={}&year={}", school.get(), year.get()) attr:class="button primary">
                        {move || i18n.t(Key::NeedsNew)}
                    </A>
                </Show>
            </div>
            <p class="muted">{move || i18n.t(Key::NeedsIntro)} " "
                <A href="/priorities">{move || i18n.t(Key::PrioritiesTitle)}</A>
            </p>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="needs-year">{move || i18n.t(Key::NeedSchoolYear)}</label>
                    <select id="needs-year" on:change=move |ev| { if let Ok(y) = event_target_value(&ev).parse() { year.set(y) } }>
                        {move || years().into_iter().map(|y| view! {
                            <option value=y.to_string() selected=move || year.get() == y>{school_year_label(y)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field grow">
                    <label for="needs-school">{move || i18n.t(Key::SchoolLabel)}</label>
                    <LoadedView resource=schools render={move |list: Vec<SchoolChoice>| view! {
                        <select id="needs-school" on:change=move |ev| school.set(event_target_value(&ev))>
                            <option value="" selected=move || school.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                            {list.into_iter().map(|s| {
                                let id = s.id.to_string();
                                let sel = id.clone();
                                view! { <option value=id selected=move || school.get() == sel>{format!("{} ({})", s.name, s.code)}</option> }
                            }).collect_view()}
                        </select>
                    }}/>
                </div>
            </form>
            <LoadedView resource=needs render={move |list: Vec<Need>| if list.is_empty() {
                view! { <Empty text=Signal::derive(move || i18n.t(Key::NeedsNone).to_string())/> }.into_any()
            } else {
                view! { <NeedTable needs=list/> }.into_any()
            }}/>
            <AssessmentPanel year=year/>
            <Show when=move || auth.can(Permission::ReadMetrics)>
                <CoveragePanel year=year school=school/>
            </Show>
        </section>
    }
}

#[component]
fn NeedTable(needs: Vec<Need>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" id="needs-list">
            {needs.into_iter().map(|n| {
                let priority = (n.priority_name.clone(), n.priority_name_es.clone());
                view! {
                    <li class="card">
                        <A href=format!("/needs/{}", n.id)><span class="card-title">{n.description.clone()}</span></A>
                        <span class="meta">
                            {move || i18n.t(Key::NeedRankShort)} " " {n.rank} " · "
                            {move || i18n.t(if n.primary { Key::NeedPrimary } else { Key::NeedSecondary })}
                            " · " <span class="badge">{move || i18n.need_status(n.status)}</span>
                        </span>
                        <span class="meta">
                            {n.school_name.clone()} " · "
                            {move || if i18n.lang.get() == Lang::Es && !priority.1.is_empty() { priority.1.clone() } else { priority.0.clone() }}
                            " · " {n.ask_quantity} " " {move || i18n.ask_unit(n.ask_unit)}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Which school year the assessment is open for; office staff open it (and remind).
#[component]
fn AssessmentPanel(year: RwSignal<i32>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let current = load(|| (), |c, ()| async move { c.needs_assessment().await });
    let outcome = RwSignal::new(None::<Result<(u32, u32), String>>);
    let open = move |_| {
        let version = current.get().and_then(|r| r.ok()).map_or(0, |a| a.version);
        let input = OpenAssessment {
            school_year: year.get_untracked(),
        };
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.open_needs_assessment(version, &input).await }
                })
                .await;
            outcome.set(Some(
                res.map(|o| (o.reminders_queued, o.schools_lacking))
                    .map_err(|e| error_text(&i18n, &e)),
            ));
            current.refetch();
        });
    };
    view! {
        <LoadedView resource=current render={move |a: NeedsAssessment| view! {
            <p class="state" role="status" id="assessment-status">{match a.school_year_label {
                Some(label) => view! { {move || i18n.t(Key::AssessmentOpenFor)} " " <strong>{label}</strong> }.into_any(),
                None => view! { {move || i18n.t(Key::AssessmentNotOpen)} }.into_any(),
            }}</p>
        }}/>
        <Show when=move || auth.can(Permission::ManageSchools)>
            <button type="button" on:click=open>{move || i18n.t(Key::AssessmentOpen)}</button>
            {move || outcome.get().map(|o| match o {
                Ok((reminders, schools)) => view! {
                    <p class="state ok" role="status">{reminders} " " {move || i18n.t(Key::AssessmentReminded)} " " {schools}</p>
                }.into_any(),
                Err(msg) => view! { <div class="state error" role="alert"><p>{msg}</p></div> }.into_any(),
            })}
        </Show>
    }
}

/// Coverage against the goal, by region, and the schools still lacking three primary needs.
#[component]
fn CoveragePanel(year: RwSignal<i32>, school: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let coverage = load(
        move || year.get(),
        |c, year| async move {
            c.needs_coverage(&CoverageQuery {
                school_year: Some(year),
                ..Default::default()
            })
            .await
        },
    );
    view! {
        <section class="panel" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{move || i18n.t(Key::CoverageTitle)}</h2>
            <LoadedView resource=coverage render={move |c: Coverage| {
                let goal = c.goal.clone();
                view! {
                    <p class="big" id="coverage-summary">
                        <strong>{format!("{} / {}", c.covered, c.schools)}</strong> " " {move || i18n.t(Key::CoverageOf)}
                        {format!(" · {}%", c.percent)}
                    </p>
                    {goal.map(|g| view! {
                        <p class="muted">{move || i18n.t(Key::Goal)} ": " {format!("{}% · {} {}", g.target, i18n.t(Key::Deadline), g.deadline)}</p>
                    })}
                    <h3>{move || i18n.t(Key::CoverageByRegion)}</h3>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::CoverageByRegion)><table class="data">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Key::Region)}</th>
                            <th scope="col">{move || i18n.t(Key::CoverageCovered)}</th>
                        </tr></thead>
                        <tbody>{c.by_region.into_iter().map(|g| view! {
                            <tr><td>{g.key}</td><td>{format!("{} / {}", g.covered, g.schools)}</td></tr>
                        }).collect_view()}</tbody>
                    </table></div>
                    <h3>{move || i18n.t(Key::CoverageLacking)}</h3>
                    {if c.lacking.is_empty() {
                        view! { <Empty text=Signal::derive(move || i18n.t(Key::CoverageAllCovered).to_string())/> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::CoverageLacking)><table class="data" id="coverage-lacking">
                                <thead><tr>
                                    <th scope="col">{move || i18n.t(Key::SchoolLabel)}</th>
                                    <th scope="col">{move || i18n.t(Key::Region)}</th>
                                    <th scope="col">{move || i18n.t(Key::CoveragePrimaryCount)}</th>
                                </tr></thead>
                                <tbody>{c.lacking.into_iter().map(|s| {
                                    let id = s.school_id.to_string();
                                    view! {
                                    <tr>
                                        <td><button type="button" class="link" on:click=move |_| school.set(id.clone())>{s.name}</button></td>
                                        <td>{s.region}</td>
                                        <td>{s.primary_needs} " / 3"</td>
                                    </tr>
                                }}).collect_view()}</tbody>
                            </table></div>
                        }.into_any()
                    }}
                }
            }}/>
        </section>
    }
}
