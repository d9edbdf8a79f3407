# One image for the API and the worker (docker-compose.yml picks the command). Runs the TypeScript sources with tsx,
# exactly as development does: there is no build step whose output could differ from what the tests ran.
FROM node:22-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so a source change does not reinstall them. Dev dependencies (compiler, linter, vitest and the
# node@22 package that CI uses) are not needed at runtime: the base image already is Node 22.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY --chown=node:node . .
# DATA_DIR (default .data): the worker's notice spool and the API's attachments (named volumes start from these folders,
# so they keep the `node` owner). WORKDIR made /app root-owned; the app runs as `node`.
RUN mkdir -p /app/.data/notices /app/.data/attachments && chown -R node:node /app/.data

USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "bin/api.ts"]
