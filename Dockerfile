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
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# V8's heap sizes, the same file `npm start` reads (see it for why).
COPY node-options.env ./
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
# node itself, not npm start (whose prestart would rebuild), with npm start's arguments: SIGTERM from
# `docker stop` reaches the service, which stops taking connections and finishes the requests in flight.
CMD ["node", "--env-file=node-options.env", "dist/main.js"]
