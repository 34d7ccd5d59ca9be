# Peerloop, production image. Not built by CI (no Docker on the CI machines): see README, "Deploy".
# Build:  docker build -t peerloop .
# Run:    docker run --env-file peerloop.env -p 3000:3000 peerloop
# Release step (once per deploy, before the replicas): docker run --env-file peerloop.env peerloop npm run db:migrate

# 1. Build: all dependencies, generate the Prisma client, compile dist/.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY src ./src
COPY commands ./commands
RUN npm ci --no-audit --no-fund
# Keep only what production needs: prisma (for migrate deploy) stays, dev tools go.
RUN npm prune --omit=dev --no-audit --no-fund

# 2. Run: the compiled build, as a non-root user, node as PID 1's child via tini so signals drain.
FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# glibc's malloc as `npm start` sets it (docs/performance.md, "Where the Slack bot's memory goes"): two
# arenas (the DNS lookups of previews and feeds run on libuv's threads, each thread would get an arena of
# its own), blocks of 1 MB or more mapped apart and free memory above 2 MB trimmed, so freed memory goes
# back to the system instead of staying in the arenas (some 20 MB of steady RSS measured).
ENV NODE_ENV=production PORT=3000 MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=2097152 MALLOC_MMAP_THRESHOLD_=1048576
COPY --from=build --chown=node:node /app/package.json /app/prisma.config.ts ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/src/db/generated ./src/db/generated
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The bot itself, not `npm start`: npm exits at once on SIGTERM while the bot drains (README: faults).
ENTRYPOINT ["/usr/bin/tini", "--"]
# A 192 MB old-space cap (V8 otherwise lets garbage pile up while memory is plentiful; raise it for very
# large communities) and 4 MB semi-spaces (a young generation of 12 MB instead of up to 48 MB): the same
# flags as `npm start`.
CMD ["node", "--max-old-space-size=192", "--max-semi-space-size=4", "--enable-source-maps", "dist/main.js"]
