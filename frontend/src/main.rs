//! PartnerHub's single-page app: Leptos, client-side rendered, served by the `partnerhub` binary.

mod api;
mod app;
mod components;
mod i18n;
mod pages;
mod time;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
