# vigie in a container: `docker compose up` (docker-compose.yml) runs it with Redis, PostgreSQL and a
# mail catcher. Three stages: build dist/ with every dependency, install the production ones alone,
# and a final image with only those, dist/, bin/ and the default config, run as a non-root user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts come later: `prepare` needs the sources, and the dependencies' layer stays cached.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No tsx, esbuild, vitest…: the image runs the JavaScript in dist/.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
# Inside a container loopback is unreachable from outside: listen on every interface, so the
# workspace asks for a sign-in to read too (README, Who may do what).
ENV NODE_ENV=production \
    PORT=8080 \
    VIGIE_HOST=0.0.0.0 \
    VIGIE_CONFIG=/app/config \
    VIGIE_DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config ./config
# The node image's unprivileged user; data/ (PGlite, outbox) is the only place vigie writes.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
# /healthz answers while the process runs; `vigie worker` serves it too when given --port "$PORT".
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/app/bin/vigie"]
CMD ["run"]
