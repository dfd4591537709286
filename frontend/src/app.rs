//! The router, the app shell (navigation by role, language switch) and route protection.

use domain::Permission;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Redirect, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::path;

use crate::api::{Auth, SessionState, use_auth};
use crate::components::status::Loading;
use crate::i18n::{I18n, Key, use_i18n};
use crate::pages;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let auth = Auth::new();
    provide_context(auth);
    provide_context(I18n::load());
    // A reload or deep link: resume the session from the HttpOnly refresh cookie.
    spawn_local(async move { auth.resume().await });

    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <pages::not_found::NotFound/> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/schools"/> }/>
                    <Route path=path!("/login") view=pages::login::Login/>
                    <Route path=path!("/forgot-password") view=pages::password::ForgotPassword/>
                    <Route path=path!("/reset-password") view=pages::password::ResetPassword/>
                    <Route path=path!("/account/password") view=|| view! { <Protected><pages::password::ChangePasswordPage/></Protected> }/>
                    <Route path=path!("/apply") view=pages::apply::ApplyNew/>
                    <Route path=path!("/resources") view=pages::resources::ResourcesPage/>
                    <Route path=path!("/apply/:token") view=pages::apply::ApplyResume/>
                    <Route path=path!("/schools") view=|| view! { <Protected><pages::schools::SchoolList/></Protected> }/>
                    <Route path=path!("/schools/new") view=|| view! { <Protected><pages::school_form::NewSchool/></Protected> }/>
                    <Route path=path!("/schools/:id") view=|| view! { <Protected><pages::school_detail::SchoolDetail/></Protected> }/>
                    <Route path=path!("/schools/:id/edit") view=|| view! { <Protected><pages::school_form::EditSchool/></Protected> }/>
                    <Route path=path!("/organizations") view=|| view! { <Protected><pages::organizations::OrganizationList/></Protected> }/>
                    <Route path=path!("/organizations/new") view=|| view! { <Protected><pages::organization_form::NewOrganization/></Protected> }/>
                    <Route path=path!("/organizations/:id") view=|| view! { <Protected><pages::organization_detail::OrganizationDetail/></Protected> }/>
                    <Route path=path!("/organizations/:id/edit") view=|| view! { <Protected><pages::organization_form::EditOrganization/></Protected> }/>
                    <Route path=path!("/applications") view=|| view! { <Protected><pages::applications::Applications/></Protected> }/>
                    <Route path=path!("/applications/:id") view=|| view! { <Protected><pages::application_detail::ApplicationDetail/></Protected> }/>
                    <Route path=path!("/agreements") view=|| view! { <Protected><pages::agreements::Agreements/></Protected> }/>
                    <Route path=path!("/agreements/new") view=|| view! { <Protected><pages::agreement_form::NewAgreement/></Protected> }/>
                    <Route path=path!("/agreements/dashboard") view=|| view! { <Protected><pages::agreement_dashboard::AgreementDashboard/></Protected> }/>
                    <Route path=path!("/agreements/:id") view=|| view! { <Protected><pages::agreement_detail::AgreementDetail/></Protected> }/>
                    <Route path=path!("/agreements/:id/edit") view=|| view! { <Protected><pages::agreement_form::EditAgreement/></Protected> }/>
                    <Route path=path!("/opportunities") view=|| view! { <Protected><pages::opportunities::OpportunityList/></Protected> }/>
                    <Route path=path!("/opportunities/new") view=|| view! { <Protected><pages::opportunities::NewOpportunity/></Protected> }/>
                    <Route path=path!("/opportunities/:id") view=|| view! { <Protected><pages::opportunities::OpportunityDetail/></Protected> }/>
                    <Route path=path!("/opportunities/:id/edit") view=|| view! { <Protected><pages::opportunities::EditOpportunity/></Protected> }/>
                    <Route path=path!("/volunteer/check-in/:school") view=|| view! { <Protected><pages::hours::CheckInPage/></Protected> }/>
                    <Route path=path!("/hours") view=|| view! { <Protected><pages::hours::HourReview/></Protected> }/>
                    <Route path=path!("/volunteer") view=pages::volunteers::VolunteerRegister/>
                    <Route path=path!("/volunteer/me") view=|| view! { <Protected><pages::volunteers::MyVolunteering/></Protected> }/>
                    <Route path=path!("/badge/:token") view=pages::volunteers::BadgeCheckPage/>
                    <Route path=path!("/volunteers") view=|| view! { <Protected><pages::volunteers::VolunteerList/></Protected> }/>
                    <Route path=path!("/volunteers/import") view=|| view! { <Protected><pages::volunteer_import::VolunteerImport/></Protected> }/>
                    <Route path=path!("/volunteers/duplicates") view=|| view! { <Protected><pages::volunteers::VolunteerDuplicates/></Protected> }/>
                    <Route path=path!("/volunteers/dashboard") view=|| view! { <Protected><pages::volunteer_dashboard::VolunteerDashboard/></Protected> }/>
                    <Route path=path!("/volunteers/:id") view=|| view! { <Protected><pages::volunteers::VolunteerDetail/></Protected> }/>
                    <Route path=path!("/needs") view=|| view! { <Protected><pages::needs::NeedsPage/></Protected> }/>
                    <Route path=path!("/needs/new") view=|| view! { <Protected><pages::need_form::NewNeed/></Protected> }/>
                    <Route path=path!("/needs/:id") view=|| view! { <Protected><pages::need_form::EditNeed/></Protected> }/>
                    <Route path=path!("/offers") view=|| view! { <Protected><pages::offers::OffersPage/></Protected> }/>
                    <Route path=path!("/offers/new") view=|| view! { <Protected><pages::offer_form::NewOffer/></Protected> }/>
                    <Route path=path!("/offers/:id") view=|| view! { <Protected><pages::offer_form::EditOffer/></Protected> }/>
                    <Route path=path!("/matches") view=|| view! { <Protected><pages::matches::MatchesPage/></Protected> }/>
                    <Route path=path!("/matches/:id") view=|| view! { <Protected><pages::matches::MatchPage/></Protected> }/>
                    <Route path=path!("/donations") view=|| view! { <Protected><pages::donations::DonationsPage/></Protected> }/>
                    <Route path=path!("/donations/new") view=|| view! { <Protected><pages::donation::NewDonation/></Protected> }/>
                    <Route path=path!("/donations/:id") view=|| view! { <Protected><pages::donation::DonationPage/></Protected> }/>
                    <Route path=path!("/priorities") view=|| view! { <Protected><pages::priorities::PrioritiesPage/></Protected> }/>
                    <Route path=path!("/users") view=|| view! { <Protected><pages::users::Users/></Protected> }/>
                </Routes>
            </Shell>
        </Router>
    }
}

/// Shows its children only to a signed-in user; otherwise sends them to sign in and back. A
/// user whose password was set by someone else is sent to change it first.
#[component]
pub fn Protected(children: ChildrenFn) -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    // Where the user is, to come back to after signing in (or changing the password).
    let here = move || {
        let search = location.search.get_untracked();
        let search = search.trim_start_matches('?');
        let here = if search.is_empty() {
            location.pathname.get_untracked()
        } else {
            format!("{}?{search}", location.pathname.get_untracked())
        };
        String::from(js_sys::encode_uri_component(&here))
    };
    move || match auth.state.get() {
        SessionState::Checking => view! { <Loading/> }.into_any(),
        SessionState::SignedOut => {
            view! { <Redirect path=format!("/login?next={}", here())/> }.into_any()
        }
        SessionState::SignedIn
            if auth
                .me
                .with(|m| m.as_ref().is_some_and(|m| m.password_change_required))
                && location.pathname.get() != "/account/password" =>
        {
            view! { <Redirect path=format!("/account/password?next={}", here())/> }.into_any()
        }
        SessionState::SignedIn => children().into_any(),
    }
}

/// Header with navigation by role, language switch and sign-out; the page below.
#[component]
fn Shell(children: Children) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let _ = auth.anonymous().logout().await;
            auth.clear();
            navigate("/login", Default::default());
        });
    };
    let signed_in = move || auth.state.get() == SessionState::SignedIn;
    view! {
        <a class="skip" href="#main">{move || i18n.t(Key::SkipToContent)}</a>
        <header class="topbar">
            <A href="/schools" attr:class="brand">{move || i18n.t(Key::AppName)}</A>
            <nav aria-label=move || i18n.t(Key::MainNav)>
                <Show when=signed_in>
                    <A href="/schools">{move || i18n.t(Key::NavSchools)}</A>
                    <Show when=move || auth.can(Permission::ReadOrganizations)>
                        <A href="/applications">{move || i18n.t(Key::NavApplications)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadAgreements)>
                        <A href="/agreements">{move || i18n.t(Key::NavAgreements)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadOrganizations)>
                        <A href="/organizations">{move || i18n.t(Key::NavOrganizations)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadVolunteers)>
                        <A href="/volunteers">{move || i18n.t(Key::NavVolunteers)}</A>
                    </Show>
                    <Show when=move || auth.role() == Some(domain::Role::Volunteer)>
                        <A href="/volunteer/me">{move || i18n.t(Key::MyVolunteering)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadNeeds)>
                        <A href="/needs">{move || i18n.t(Key::NavNeeds)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadOffers)>
                        <A href="/offers">{move || i18n.t(Key::NavOffers)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadMatches)>
                        <A href="/matches">{move || i18n.t(Key::NavMatches)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ReadDonations)>
                        <A href="/donations">{move || i18n.t(Key::NavDonations)}</A>
                    </Show>
                    <A href="/opportunities">{move || i18n.t(Key::NavOpportunities)}</A>
                    <Show when=move || auth.can(Permission::ReviewHours)>
                        <A href="/hours">{move || i18n.t(Key::NavHours)}</A>
                    </Show>
                    <Show when=move || auth.can(Permission::ManageUsers)>
                        <A href="/users">{move || i18n.t(Key::NavUsers)}</A>
                    </Show>
                    <A href="/resources">{move || i18n.t(Key::NavResources)}</A>
                    <a href="/docs/" rel="external">{move || i18n.t(Key::NavApiDocs)}</a>
                </Show>
                <Show when=move || auth.state.get() == SessionState::SignedOut>
                    <A href="/resources">{move || i18n.t(Key::NavResources)}</A>
                    <A href="/apply">{move || i18n.t(Key::NavApply)}</A>
                    <A href="/volunteer">{move || i18n.t(Key::NavVolunteer)}</A>
                    <A href="/login">{move || i18n.t(Key::SignIn)}</A>
                </Show>
            </nav>
            <div class="tools">
                <button type="button" class="lang" lang=move || if i18n.t(Key::SwitchLanguage) == "English" { "en" } else { "es" }
                    aria-label=move || i18n.t(Key::SwitchLanguageLabel)
                    on:click=move |_| i18n.toggle()>
                    {move || i18n.t(Key::SwitchLanguage)}
                </button>
                <Show when=signed_in>
                    <span class="who">{move || auth.me.with(|m| m.as_ref().map(|m| m.display_name.clone()).unwrap_or_default())}</span>
                    <A href="/account/password">{move || i18n.t(Key::ChangePasswordTitle)}</A>
                    <button type="button" on:click=sign_out.clone()>{move || i18n.t(Key::SignOut)}</button>
                </Show>
            </div>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
    }
}
