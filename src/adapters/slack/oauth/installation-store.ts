// @slack/oauth's InstallationStore on our Store: an installation is sealed whole (it holds the bot
// token) and kept under its team id, or its enterprise id for an org-wide install. Deleting one
// forgets the workspace's data too (app_uninstalled, tokens_revoked).
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Store } from '../../../store/store.js';
import type { Sealer } from './seal.js';

/** The key an installation is kept under. */
export function installationId(query: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  const id = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!id) throw new Error('an installation query names neither a team nor an enterprise');
  return id;
}

export function storeInstallations(store: Store, sealer: Sealer, now: () => number = Date.now): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const id = installationId({
        isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await store.saveInstallation({ id, sealed: sealer.seal(JSON.stringify(installation)), installedAt: new Date(now()).toISOString() });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await store.getInstallation(installationId(query));
      if (!found) throw new Error(`no installation for ${installationId(query)}`);
      return JSON.parse(sealer.open(found.sealed)) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const id = installationId(query);
      await store.forgetWorkspace(id, `slack:${id}:`);
    },
  };
}
