import type { PortalModel } from './portal.ts';
import type { SoaHeading } from './soa-export.ts';

/** The heading of the SoA page and exports, from the build's model. */
export function soaHeading(model: PortalModel): SoaHeading {
	const meta = model.soa.meta;
	return {
		standard: model.soa.standard,
		organization: model.config.organization,
		...(meta ? { version: meta.version, effective: meta.effective, approvedBy: meta.approvedBy } : {}),
		generated: model.settings.today,
	};
}
