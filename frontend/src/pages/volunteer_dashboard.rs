//! The volunteer dashboard: active volunteers against the goal month by month, hours per month,
//! top schools and activities, as SVG charts that read on a phone, each with a data table for
//! screen readers, and a grouped table with CSV export. Coordinators see their schools.

use chrono::NaiveDate;
use domain::Permission;
use domain::volunteer::{Interest, VolunteerKind};
use domain::volunteer_metrics::{
    HourValue, HourValueInput, SchoolYearInput, SchoolYearSetting, VolunteerGrouping,
    VolunteerMetrics, VolunteerMetricsQuery,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

use crate::api::{error_text, field_errors, use_auth};
use crate::components::field::{FieldErrors, SelectField, TextField};
use crate::components::status::{ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};

fn hours(minutes: i64) -> String {
    format!("{:.1}", minutes as f64 / 60.0)
}

fn money(cents: i64) -> String {
    dollars(u64::try_from(cents / 100).unwrap_or(0))
}

/// Whole dollars as the office writes them: `$12,500`.
pub(crate) fn dollars(d: u64) -> String {
    let mut s = d.to_string();
    let mut i = s.len() as i64 - 3;
    while i > 0 {
        s.insert(i as usize, ',');
        i -= 3;
    }
    format!("${s}")
}

/// A bar chart: (label, value, text) per bar, optional goal and baseline lines.
fn bar_chart(
    id: &'static str,
    title: String,
    items: Vec<(String, f64, String)>,
    lines: Option<(f64, f64)>,
) -> impl IntoView {
    let (w, h, left, bottom, top) = (320.0_f64, 200.0_f64, 8.0_f64, 26.0_f64, 14.0_f64);
    let max = items
        .iter()
        .map(|i| i.1)
        .chain(lines.iter().flat_map(|(t, b)| [*t, *b]))
        .fold(1.0_f64, f64::max)
        * 1.1;
    let y = move |v: f64| top + (h - bottom - top) * (1.0 - v / max);
    let slot = (w - left - 4.0) / items.len().max(1) as f64;
    let summary = items
        .iter()
        .map(|(l, _, t)| format!("{l}: {t}"))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, (label, v, text))| {
            let x = left + slot * i as f64 + slot * 0.15;
            let bw = slot * 0.7;
            let cx = x + bw / 2.0;
            view! {
                <g>
                    <rect class="bar" x=format!("{x:.1}") y=format!("{:.1}", y(*v)) width=format!("{bw:.1}") height=format!("{:.1}", (h - bottom - y(*v)).max(0.0))/>
                    <text class="value" x=format!("{cx:.1}") y=format!("{:.1}", y(*v) - 2.0) text-anchor="middle">{text.clone()}</text>
                    <text class="axis" x=format!("{cx:.1}") y=format!("{:.1}", h - bottom + 11.0) text-anchor="middle">{label.chars().take(8).collect::<String>()}</text>
                </g>
            }
        })
        .collect_view();
    let goal_lines = lines.map(|(target, baseline)| {
        let (ty, by) = (y(target), y(baseline));
        view! {
            <line class="goal" x1=format!("{left}") x2=format!("{w}") y1=format!("{ty:.1}") y2=format!("{ty:.1}")/>
            <line class="baseline" x1=format!("{left}") x2=format!("{w}") y1=format!("{by:.1}") y2=format!("{by:.1}")/>
        }
    });
    let table_id = format!("{id}-table");
    view! {
        <figure class="chart">
            <figcaption><strong>{title.clone()}</strong></figcaption>
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-describedby=table_id.clone()
                aria-label=format!("{title}. {summary}")>
                <line class="axis-line" x1=format!("{left}") x2=format!("{w}") y1=format!("{}", h - bottom) y2=format!("{}", h - bottom)/>
                {bars}
                {goal_lines}
            </svg>
            <div class="sr-only"><table id=table_id>
                <caption>{title}</caption>
                <tbody>
                    {items.into_iter().map(|(l, _, t)| view! { <tr><th scope="row">{l}</th><td>{t}</td></tr> }).collect_view()}
                </tbody>
            </table></div>
        </figure>
    }
}

fn group_label(
    i18n: I18n,
    by: VolunteerGrouping,
    key: &str,
    names: &HashMap<String, String>,
) -> String {
    match by {
        VolunteerGrouping::School => names.get(key).cloned().unwrap_or_else(|| key.to_string()),
        VolunteerGrouping::Month => key.to_string(),
        VolunteerGrouping::Activity => Interest::parse(key)
            .map(|a| i18n.interest(a).to_string())
            .unwrap_or_else(|| key.to_string()),
        VolunteerGrouping::Kind => VolunteerKind::parse(key)
            .map(|k| i18n.volunteer_kind(k).to_string())
            .unwrap_or_else(|| key.to_string()),
    }
}

/// `/volunteers/dashboard`.
#[component]
pub fn VolunteerDashboard() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let as_of = RwSignal::new(String::new());
    let group = RwSignal::new(VolunteerGrouping::School.as_str().to_string());
    let data = RwSignal::new(None::<Result<VolunteerMetrics, String>>);
    let by_activity = RwSignal::new(None::<VolunteerMetrics>);
    let names = RwSignal::new(HashMap::<String, String>::new());
    spawn_local(async move {
        if let Ok(list) = auth.anonymous().public_schools().await {
            let _ = names.try_set(
                list.into_iter()
                    .map(|s| (s.id.to_string(), s.name))
                    .collect(),
            );
        }
    });
    let load = move || {
        let day = NaiveDate::parse_from_str(&as_of.get_untracked(), "%Y-%m-%d").ok();
        let by =
            VolunteerGrouping::parse(&group.get_untracked()).unwrap_or(VolunteerGrouping::School);
        data.set(None);
        spawn_local(async move {
            let q = VolunteerMetricsQuery {
                as_of: day,
                group_by: Some(by),
                school_id: None,
            };
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.volunteer_metrics(&q).await }
                })
                .await;
            let _ = data.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
            let q = VolunteerMetricsQuery {
                as_of: day,
                group_by: Some(VolunteerGrouping::Activity),
                school_id: None,
            };
            if let Ok(m) = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.volunteer_metrics(&q).await }
                })
                .await
            {
                let _ = by_activity.try_set(Some(m));
            }
        });
    };
    Effect::new(move |_| {
        as_of.track();
        group.track();
        load();
    });
    let export = move |_| {
        let Some(Ok(m)) = data.get_untracked() else {
            return;
        };
        let n = names.get_untracked();
        let mut csv = String::from("group,active,hours,value_usd\n");
        for g in &m.groups {
            let label = group_label(i18n, m.group_by, &g.key, &n).replace('"', "\"\"");
            csv.push_str(&format!(
                "\"{label}\",{},{},{:.2}\n",
                g.active,
                hours(g.minutes),
                g.value_cents as f64 / 100.0
            ));
        }
        crate::pages::organizations::download("volunteers.csv", &csv);
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::VolDashboard)}</h1>
                <div class="actions">
                    <button type="button" on:click=export>{move || i18n.t(Key::ExportCsv)}</button>
                </div>
            </div>
            <div class="filters four">
                <div class="field">
                    <label for="vd-as-of">{move || i18n.t(Key::VolAsOf)}</label>
                    <input id="vd-as-of" type="date" prop:value=move || as_of.get() on:change=move |ev| as_of.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="vd-group">{move || i18n.t(Key::VolGroupBy)}</label>
                    <select id="vd-group" on:change=move |ev| group.set(event_target_value(&ev))>
                        {VolunteerGrouping::ALL.iter().map(|g| {
                            let g = *g;
                            let label = move || match g {
                                VolunteerGrouping::School => i18n.t(Key::OppSchool),
                                VolunteerGrouping::Month => i18n.t(Key::VolMonth),
                                VolunteerGrouping::Activity => i18n.t(Key::OppActivity),
                                VolunteerGrouping::Kind => i18n.t(Key::VolunteerKindLabel),
                            };
                            view! { <option value=g.as_str() selected=move || group.get() == g.as_str()>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load())/> }.into_any(),
                Some(Ok(m)) => {
                    let n = names.get();
                    let goal = m.goal.clone();
                    let active_items: Vec<(String, f64, String)> = m.by_month.iter()
                        .map(|p| (p.month.format("%b").to_string(), p.active as f64, p.active.to_string())).collect();
                    let hour_items: Vec<(String, f64, String)> = m.by_month.iter()
                        .map(|p| (p.month.format("%b").to_string(), p.minutes as f64 / 60.0, hours(p.minutes))).collect();
                    let top_schools: Vec<(String, f64, String)> = if m.group_by == VolunteerGrouping::School {
                        m.groups.iter().take(6).map(|g| (group_label(i18n, m.group_by, &g.key, &n), g.minutes as f64 / 60.0, hours(g.minutes))).collect()
                    } else { vec![] };
                    let activities: Vec<(String, f64, String)> = by_activity.get().map(|a| a.groups.iter().take(6)
                        .map(|g| (group_label(i18n, VolunteerGrouping::Activity, &g.key, &n), g.minutes as f64 / 60.0, hours(g.minutes))).collect()).unwrap_or_default();
                    let by = m.group_by;
                    view! {
                        <dl class="stats">
                            <div><dt>{move || i18n.t(Key::VolActive)}</dt><dd>{m.active}</dd></div>
                            <div><dt>{move || i18n.t(Key::VolRegistered)}</dt><dd>{m.registered}</dd></div>
                            <div><dt>{move || i18n.t(Key::VolParentLeaders)}</dt><dd>{m.parent_leaders}</dd></div>
                            <div><dt>{move || i18n.t(Key::VolHours)}</dt><dd>{hours(m.minutes)}</dd></div>
                            <div><dt>{move || i18n.t(Key::VolValue)}</dt><dd>{money(m.value_cents)}</dd></div>
                            <div><dt>{move || i18n.t(Key::VolNew)}</dt><dd>{m.new_registrations}</dd></div>
                        </dl>
                        {goal.clone().map(|g| view! {
                            <p class="muted">{move || i18n.t(Key::VolGoal)} " " {g.baseline} " → " {g.target} " · " {g.deadline.to_string()}</p>
                        })}
                        <ul class="plain small muted">
                            {definitions(i18n, &m).into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                        </ul>
                        <div class="charts">
                            {bar_chart("vd-active", i18n.t(Key::VolActiveByMonth).to_string(), active_items, goal.map(|g| (g.target as f64, g.baseline as f64)))}
                            {bar_chart("vd-hours", i18n.t(Key::VolHoursByMonth).to_string(), hour_items, None)}
                            {(!top_schools.is_empty()).then(|| bar_chart("vd-schools", i18n.t(Key::VolTopSchools).to_string(), top_schools, None))}
                            {(!activities.is_empty()).then(|| bar_chart("vd-activities", i18n.t(Key::VolByActivity).to_string(), activities, None))}
                        </div>
                        <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::VolGroupBy)>
                        <table class="data">
                            <thead><tr>
                                <th scope="col">{move || i18n.t(Key::VolGroupBy)}</th>
                                <th scope="col">{move || i18n.t(Key::VolActive)}</th>
                                <th scope="col">{move || i18n.t(Key::VolHours)}</th>
                                <th scope="col">{move || i18n.t(Key::VolValue)}</th>
                            </tr></thead>
                            <tbody>
                                {m.groups.iter().map(|g| view! {
                                    <tr>
                                        <th scope="row">{group_label(i18n, by, &g.key, &n)}</th>
                                        <td>{g.active}</td>
                                        <td>{hours(g.minutes)}</td>
                                        <td>{money(g.value_cents)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any()
                }
            }}
            <HourValuePanel on_saved=Callback::new(move |_| load())/>
            <SchoolYearPanel on_saved=Callback::new(move |_| load())/>
        </section>
    }
}

/// The value of a volunteer hour in reports; admins change it here.
#[component]
fn HourValuePanel(on_saved: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let current = RwSignal::new(None::<Result<HourValue, String>>);
    let dollars = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let show = move |v: &HourValue| format!("{}.{:02}", v.cents / 100, v.cents % 100);
    spawn_local(async move {
        let res = auth.call(|c| async move { c.hour_value().await }).await;
        if let Ok(v) = &res {
            dollars.set(show(v));
        }
        let _ = current.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok(v)) = current.get_untracked() else {
            return;
        };
        saved.set(false);
        error.set(None);
        let cents = dollars
            .get_untracked()
            .trim()
            .trim_start_matches('$')
            .replace(',', "")
            .parse::<f64>()
            .ok()
            .filter(|d| d.is_finite())
            .map(|d| (d * 100.0).round() as i64);
        let Some(cents) = cents else {
            errors.set(
                std::iter::once((
                    "cents".to_string(),
                    i18n.t(Key::HourValueInvalid).to_string(),
                ))
                .collect(),
            );
            return;
        };
        errors.set(Default::default());
        busy.set(true);
        spawn_local(async move {
            let input = HourValueInput { cents };
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.set_hour_value(v.version, &input).await }
                })
                .await;
            match res {
                Ok(v) => {
                    let _ = dollars.try_set(show(&v));
                    let _ = current.try_set(Some(Ok(v)));
                    let _ = saved.try_set(true);
                    on_saved.run(());
                }
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <section class="panel" aria-labelledby="hv-title">
            <h2 id="hv-title">{move || i18n.t(Key::HourValueTitle)}</h2>
            {move || match current.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                Some(Ok(v)) => view! {
                    <p>
                        {money_cents(v.cents)} " · "
                        {move || if v.is_default { i18n.t(Key::HourValueDefault) } else { i18n.t(Key::HourValueSet) }}
                        {v.updated_at.map(|t| format!(" {}", t.format("%Y-%m-%d")))}
                    </p>
                }.into_any(),
            }}
            <Show when=move || auth.can(Permission::ManageGoals) && matches!(current.get(), Some(Ok(_)))>
                <form class="form" novalidate on:submit=submit>
                    <Show when=move || error.get().is_some()>
                        <div class="state error" role="alert">{move || error.get()}</div>
                    </Show>
                    <Show when=move || saved.get()>
                        <div class="state ok" role="status">{move || i18n.t(Key::Saved)}</div>
                    </Show>
                    <TextField name="cents" kind="text" label=Signal::derive(move || i18n.t(Key::HourValueLabel)) value=dollars errors=errors/>
                    <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::HourValueSave)}</button>
                </form>
            </Show>
        </section>
    }
}

/// The Spanish definition of "registered" (the API words the definitions in English, once).
const REGISTERED_ES: &str = "Registrado: tiene un perfil de voluntario ese día (registrado para entonces, no cerrado) y una autorización vigente (aprobada, no vencida).";

/// The definition of "registered" in the UI's language.
pub fn registered_definition(i18n: I18n) -> String {
    if i18n.lang.get() == crate::i18n::Lang::Es {
        REGISTERED_ES.into()
    } else {
        domain::volunteer::definitions::REGISTERED.into()
    }
}

/// The dashboard's definitions in the UI's language: the API's words in English; in Spanish,
/// the same definitions with the window of "active" taken from the answer.
fn definitions(i18n: I18n, m: &VolunteerMetrics) -> Vec<String> {
    if i18n.lang.get() != crate::i18n::Lang::Es {
        return vec![
            m.definitions.registered.clone(),
            m.definitions.active.clone(),
            m.definitions.parent_leader.clone(),
        ];
    }
    use chrono::Datelike;
    let start = m.window_start;
    let last = domain::volunteer::SchoolYear::starting_in(start.month())
        .and_then(|year| year.next(start).pred_opt())
        .unwrap_or(start);
    vec![
        REGISTERED_ES.into(),
        format!(
            "Activo: una persona con un perfil de voluntario no cerrado ese día y al menos una hora aprobada en el año escolar (del 1 de {} al {} de {}).",
            month_name(i18n, start.month()),
            last.day(),
            month_name(i18n, last.month())
        ),
        "Líder de padres: un voluntario activo que tiene un cargo de líder de padres ese día \
         (directiva de la PTA, equipo de liderazgo escolar, etc.: desde el día en que lo asumió \
         hasta que lo dejó); ya cuenta entre los voluntarios activos."
            .into(),
    ]
}

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn month_name(i18n: I18n, month: u32) -> &'static str {
    let names = if i18n.lang.get() == crate::i18n::Lang::Es {
        MONTHS_ES
    } else {
        domain::volunteer::MONTHS
    };
    names[(month.clamp(1, 12) - 1) as usize]
}

/// When the school year starts: the window of "active". Admins change it here; the
/// dashboard is counted again at once.
#[component]
fn SchoolYearPanel(on_saved: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let current = RwSignal::new(None::<Result<SchoolYearSetting, String>>);
    let month = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Default::default());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    spawn_local(async move {
        let res = auth.call(|c| async move { c.school_year().await }).await;
        if let Ok(v) = &res {
            month.set(v.start_month.to_string());
        }
        let _ = current.try_set(Some(res.map_err(|e| error_text(&i18n, &e))));
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok(v)) = current.get_untracked() else {
            return;
        };
        let Ok(start_month) = month.get_untracked().parse::<u32>() else {
            return;
        };
        saved.set(false);
        error.set(None);
        errors.set(Default::default());
        busy.set(true);
        spawn_local(async move {
            let input = SchoolYearInput { start_month };
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.set_school_year(v.version, &input).await }
                })
                .await;
            match res {
                Ok(v) => {
                    let _ = current.try_set(Some(Ok(v)));
                    let _ = saved.try_set(true);
                    on_saved.run(());
                }
                Err(e) => {
                    let _ = errors.try_set(field_errors(&i18n, &e));
                    let _ = error.try_set(Some(error_text(&i18n, &e)));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let options = Signal::derive(move || {
        (1..=12u32)
            .map(|m| (m.to_string(), month_name(i18n, m).to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="panel" aria-labelledby="sy-title">
            <h2 id="sy-title">{move || i18n.t(Key::SchoolYearTitle)}</h2>
            {move || match current.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
                Some(Ok(v)) => {
                    let (first, since, default) = (v.start_month, v.current_start, v.is_default);
                    view! {
                        <p>
                            {move || format!("{} {} 1 ({} {})", i18n.t(Key::SchoolYearStarts), month_name(i18n, first), i18n.t(Key::SchoolYearCurrent), since.format("%Y-%m-%d"))}
                            {move || if default { format!(" · {}", i18n.t(Key::SchoolYearDefault)) } else { String::new() }}
                        </p>
                    }.into_any()
                }
            }}
            <Show when=move || auth.can(Permission::ManageGoals) && matches!(current.get(), Some(Ok(_)))>
                <form class="form" novalidate on:submit=submit>
                    <Show when=move || error.get().is_some()>
                        <div class="state error" role="alert">{move || error.get()}</div>
                    </Show>
                    <Show when=move || saved.get()>
                        <div class="state ok" role="status">{move || i18n.t(Key::SchoolYearSaved)}</div>
                    </Show>
                    <p class="muted">{move || i18n.t(Key::SchoolYearHelp)}</p>
                    <SelectField name="start_month" label=Signal::derive(move || i18n.t(Key::SchoolYearLabel)) value=month errors=errors options=options/>
                    <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::SchoolYearSave)}</button>
                </form>
            </Show>
        </section>
    }
}

fn money_cents(cents: i64) -> String {
    format!("{}.{:02}", money(cents), cents % 100)
}
