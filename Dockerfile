# syntax=docker/dockerfile:1
# wxa-server-domains: docker build -t wxa-server-domains . (docker run: see the README's Deploy section)

# --- build: the full toolchain compiles src/ to dist/ ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- runtime: production dependencies and dist/ only ---
FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
# V8's heap sized here, not left to Node's defaults, which scale with the host: on a 24 GiB host Node 24
# gives the young generation 64 MB semi-spaces and the old generation 4 GB, and the garbage of large request
# bodies then grows RSS by 100+ MB before a full GC. With these, 300 requests of ~900 KB each grow it by
# 50 MB at most (test/integration/memory.test.ts); what the service keeps is bounded by its own budgets far
# below either limit. `npm run bench -- --image-node-options` measures with them.
ENV NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=16"
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The files stay root's: the service runs unprivileged and cannot rewrite itself. DATA_DIR (the kept
# component_verify_ticket and token, the change journal) is the one place it writes: the node user's only,
# and a volume, so a new container starts with what the last one kept. Created before VOLUME: changes after
# it would be discarded.
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
VOLUME ["/data"]
USER node
EXPOSE 4000
# No curl in the slim image: node's own fetch. /health never calls WeChat.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node itself, not npm start (whose prestart would rebuild): SIGTERM from `docker stop` reaches the service,
# which stops taking connections and finishes the requests in flight.
CMD ["node", "dist/main.js"]
