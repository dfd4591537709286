# Multi-stage build: the SPA (wasm) and the server in a Rust image, run from a slim one.
FROM rust:1.95-bookworm AS build
WORKDIR /src
RUN rustup target add wasm32-unknown-unknown \
 && cargo install wasm-bindgen-cli --version 0.2.130 \
 && apt-get update && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cd frontend && npm ci --no-audit --no-fund
RUN ./scripts/build-spa.sh && cargo build --release --locked -p partnerhub-cli

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* && useradd --system --uid 10001 partnerhub \
 && mkdir -p /var/lib/partnerhub/documents && chown -R partnerhub /var/lib/partnerhub
WORKDIR /app
COPY --from=build /src/target/release/partnerhub /usr/local/bin/partnerhub
COPY --from=build /src/frontend/dist /app/frontend/dist
USER partnerhub
ENV PARTNERHUB__SERVER__HOST=0.0.0.0 PARTNERHUB__SERVER__SPA_DIR=/app/frontend/dist \
    PARTNERHUB__STORAGE__DOCUMENTS_DIR=/var/lib/partnerhub/documents
EXPOSE 8080
CMD ["partnerhub", "serve"]
