# syntax=docker/dockerfile:1
# Build stage: install everything, then `prepare` builds: the bundle in dist/app and, made by it,
# the validated knowledge base and search index in dist/prebuilt (both copied below).
FROM node:20-bookworm-slim AS build
WORKDIR /app
# The lockfile is written by npm 11, and the dev toolchain (vite 8) installs with it.
RUN npm install -g npm@11.19.1
COPY package.json package-lock.json tsconfig.json ./
COPY scripts/build.mjs ./scripts/build.mjs
COPY src ./src
COPY commands ./commands
COPY data ./data
RUN npm ci

# Runtime stage: production dependencies only, compiled code and the knowledge base, non-root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    STORE_PATH=/app/var/store.json
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` compiles, and the compiler is a dev dependency; dist/ comes from the build stage.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data ./data
COPY assets ./assets
RUN mkdir -p /app/var && chown node:node /app/var
USER node
VOLUME ["/app/var"]
EXPOSE 3000
# Liveness of the server (with platform credentials set; without them the bot is the terminal shell).
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself is the container's first process, so `docker stop`'s SIGTERM reaches the bot, which
# finishes the requests in flight, sends or gives up its follow-ups within STOP_GRACE_MS, flushes
# the store and exits. Not `npm start`: npm runs the bot under `sh -c`, and a SIGTERM to npm
# killed the shell and left node running. (`docker run --init` adds a reaper; the bot starts no
# child processes, so it is not needed.)
CMD ["node", "dist/app/bin.js"]
