import type { PortalModel } from '../documents/portal.ts';
import type { SoaHeading } from './export.ts';
import type { SoaVersionModel } from './model.ts';

/** The heading of the SoA page and exports, from the build's model: one version, or the SoA in force. */
export function soaHeading(model: PortalModel, version?: SoaVersionModel): SoaHeading {
	const meta = version ? version.meta : model.soa.meta;
	return {
		standard: version ? version.standard : model.soa.standard,
		organization: model.config.organization,
		...(meta
			? {
					version: meta.version,
					effective: meta.effective,
					approvedBy: meta.approvedBy,
					...(meta.changes ? { changes: meta.changes } : {}),
				}
			: {}),
		generated: model.settings.today,
	};
}
