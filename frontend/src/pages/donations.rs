//! The donation ledger (treasure). `/donations`: the totals by partner, school, support area or
//! school year, and the ledger itself with its CSV export; on an accepted match's page, its
//! donations ([`MatchDonations`]). One donation and the form are in `donation`.

use domain::donations::{
    Donation, DonationGrouping, DonationKind, DonationQuery, DonationStatus, DonationTotals,
    DonationTotalsQuery,
};
use domain::intake::SupportArea;
use domain::needs::school_year_label;
use domain::{MatchId, Permission};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::use_auth;
use crate::components::load::{LoadedView, load};
use crate::components::status::Empty;
use crate::i18n::{Key, use_i18n};
use crate::pages::needs::this_school_year;
use crate::pages::volunteer_dashboard::dollars;

/// `/donations`.
#[component]
pub fn DonationsPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let by = RwSignal::new(DonationGrouping::Partner);
    let year = RwSignal::new(Some(this_school_year()));
    let status = RwSignal::new(String::new());
    let totals = load(
        move || (by.get(), year.get()),
        |c, (by, school_year)| async move {
            c.donation_totals(&DonationTotalsQuery { by, school_year })
                .await
        },
    );
    let query = move || DonationQuery {
        school_year: year.get(),
        status: DonationStatus::parse(&status.get()),
        limit: Some(100),
        ..Default::default()
    };
    let ledger = load(query, |c, q| async move {
        Ok(c.list_donations(&q).await?.items)
    });
    let export_error = RwSignal::new(None::<String>);
    let years = move || {
        (0..5)
            .map(|back| this_school_year() - back)
            .collect::<Vec<_>>()
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t(Key::DonationsTitle)}</h1>
                <div class="actions">
                    <Show when=move || auth.can(Permission::RecordDonations)>
                        <A href="/donations/new" attr:class="button primary">{move || i18n.t(Key::DonationNew)}</A>
                    </Show>
                    <button type="button" on:click=move |_| {
                        let mut q = query();
                        q.limit = None;
                        crate::api::download_csv(auth, i18n, "donations.csv", export_error, move |c| {
                            let q = q.clone();
                            async move { c.export_donations(&q).await }
                        })
                    }>{move || i18n.t(Key::ExportCsv)}</button>
                </div>
            </div>
            <p class="muted">{move || i18n.t(Key::DonationsIntro)}</p>
            <Show when=move || export_error.get().is_some()>
                <div class="state error" role="alert">{move || export_error.get()}</div>
            </Show>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="donations-year">{move || i18n.t(Key::NeedSchoolYear)}</label>
                    <select id="donations-year" on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || year.get().is_none()>{move || i18n.t(Key::DonationAllYears)}</option>
                        {move || years().into_iter().map(|y| view! {
                            <option value=y.to_string() selected=move || year.get() == Some(y)>{school_year_label(y)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="donations-by">{move || i18n.t(Key::DonationGroupBy)}</label>
                    <select id="donations-by" on:change=move |ev| { if let Some(g) = DonationGrouping::parse(&event_target_value(&ev)) { by.set(g) } }>
                        {DonationGrouping::ALL.iter().map(|g| {
                            let g = *g;
                            view! { <option value=g.as_str() selected=move || by.get() == g>{move || i18n.donation_grouping(g)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="donations-status">{move || i18n.t(Key::Status)}</label>
                    <select id="donations-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="" selected=move || status.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                        {DonationStatus::ALL.iter().map(|s| {
                            let s = *s;
                            view! { <option value=s.as_str() selected=move || status.get() == s.as_str()>{move || i18n.donation_status(s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </form>
            <LoadedView resource=totals render=|t: DonationTotals| view! { <TotalsTable totals=t/> }/>
            <h2>{move || i18n.t(Key::DonationLedger)}</h2>
            <LoadedView resource=ledger render={move |list: Vec<Donation>| if list.is_empty() {
                view! { <Empty text=Signal::derive(move || i18n.t(Key::DonationsNone).to_string())/> }.into_any()
            } else {
                view! { <Ledger list=list/> }.into_any()
            }}/>
        </section>
    }
}

/// The totals, one row per group, cash and in-kind apart.
#[component]
fn TotalsTable(totals: DonationTotals) -> impl IntoView {
    let i18n = use_i18n();
    let (count, value) = (totals.donations, totals.value_usd);
    view! {
        <div class="panel" id="donation-totals">
            <p><strong>{dollars(value)} " · " {count} " " {move || i18n.t(if count == 1 { Key::DonationOne } else { Key::DonationCount })}</strong></p>
            <Show when={let empty = totals.groups.is_empty(); move || !empty}>
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::DonationTotalsRegion)>
                    <table class="data">
                        <thead><tr>
                            <th scope="col">{move || i18n.donation_grouping(totals.by)}</th>
                            <th scope="col">{move || i18n.t(Key::DonationCount)}</th>
                            <th scope="col">{move || i18n.donation_kind(DonationKind::Cash)}</th>
                            <th scope="col">{move || i18n.donation_kind(DonationKind::InKind)}</th>
                            <th scope="col">{move || i18n.t(Key::DonationTotal)}</th>
                        </tr></thead>
                        <tbody>
                            {totals.groups.clone().into_iter().map(|g| {
                                let label = match totals.by {
                                    DonationGrouping::SupportArea => SupportArea::parse(&g.key)
                                        .map(|a| Signal::derive(move || i18n.support_area(a).to_string()))
                                        .unwrap_or_else(|| Signal::derive(move || i18n.t(Key::DonationNoArea).to_string())),
                                    DonationGrouping::School if g.key.is_empty() => Signal::derive(move || i18n.t(Key::DonationDistrictWide).to_string()),
                                    _ => { let l = g.label.clone(); Signal::derive(move || l.clone()) }
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{label}</th>
                                        <td>{g.donations}</td>
                                        <td>{dollars(g.cash_usd)}</td>
                                        <td>{dollars(g.in_kind_usd)}</td>
                                        <td>{dollars(g.value_usd)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn Ledger(list: Vec<Donation>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" id="donations-list">
            {list.into_iter().map(|d| {
                let school = d.school_name.clone();
                view! {
                    <li class="card">
                        <A href=format!("/donations/{}", d.id)><span class="card-title">{d.description.clone()}</span></A>
                        <span class="meta">
                            {d.organization_name.clone()} " · "
                            {move || school.clone().unwrap_or_else(|| i18n.t(Key::DonationDistrictWide).to_string())}
                        </span>
                        <span class="meta">
                            {d.received_on.to_string()} " · " {move || i18n.donation_kind(d.kind)} " · "
                            <strong>{dollars(u64::from(d.value_usd))}</strong>
                            {(d.status == DonationStatus::Voided).then(|| view! {
                                " " <span class="badge">{move || i18n.donation_status(DonationStatus::Voided)}</span>
                            })}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// On an accepted match's page: its donations, and (staff) a link to record one.
#[component]
pub fn MatchDonations(m: MatchId) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let list = load(
        move || m,
        |c, m| async move {
            let q = DonationQuery {
                match_id: Some(m),
                limit: Some(100),
                ..Default::default()
            };
            Ok(c.list_donations(&q).await?.items)
        },
    );
    view! {
        <Show when=move || auth.can(Permission::ReadDonations)>
            <section class="panel" aria-labelledby="match-donations">
                <h2 id="match-donations">{move || i18n.t(Key::DonationsTitle)}</h2>
                <LoadedView resource=list render={move |list: Vec<Donation>| if list.is_empty() {
                    view! { <Empty text=Signal::derive(move || i18n.t(Key::DonationsNone).to_string())/> }.into_any()
                } else {
                    view! { <Ledger list=list/> }.into_any()
                }}/>
                <Show when=move || auth.can(Permission::RecordDonations)>
                    <A href=format!("/donations/new?match={m}") attr:class="button">{move || i18n.t(Key::DonationNew)}</A>
                </Show>
            </section>
        </Show>
    }
}
