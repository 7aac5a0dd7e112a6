import { CloseOutlined, LinkOutlined } from '@ant-design/icons';
import { PROGRAMME_KIND_LABELS, type ProjectDto, type ProjectLinkKind } from '@linli/contracts';
import { Button, Card, Flex, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useCatalogue } from '../orders/order-api';
import { useProgrammes } from '../programmes/programmes-api';
import { useActivities } from '../volunteering/api';
import { useProjectActions } from './projects-api';

const KINDS: ProjectLinkKind[] = ['activity', 'service', 'programme'];
const chinaDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

type Option = { value: string; label: string };

/** What may be linked, from the existing lists: activities held in the project's period, the street's services, the programmes in scope. */
function useLinkOptions(p: ProjectDto): Record<ProjectLinkKind, { options: Option[]; loading: boolean }> {
  const { locale } = useI18n();
  const activities = useActivities({ pageSize: 200 });
  const catalogue = useCatalogue();
  const programmes = useProgrammes();
  const linked = new Set(p.links.map((l) => l.targetId));
  const fresh = (o: Option[]) => o.filter((x) => !linked.has(x.value));
  return {
    activity: {
      loading: activities.isPending,
      options: fresh(
        (activities.data?.items ?? [])
          .filter((a) => a.status !== 'cancelled' && chinaDay(a.startsAt) >= p.startsOn && chinaDay(a.startsAt) <= p.endsOn)
          .map((a) => ({ value: a.id, label: `${chinaDay(a.startsAt)} ${a.title}` })),
      ),
    },
    service: {
      loading: catalogue.isPending,
      options: fresh((catalogue.data?.categories ?? []).flatMap((c) => c.services.map((s) => ({ value: s.id, label: s.name })))),
    },
    programme: {
      loading: programmes.isPending,
      options: fresh(
        (programmes.data?.items ?? []).map((x) => ({ value: x.id, label: `${PROGRAMME_KIND_LABELS[x.kind][locale]} · ${x.name}` })),
      ),
    },
  };
}

/** The buyer links activities, services (their orders) and care programmes (their sessions and beneficiaries) to the project's automatic KPIs, and unlinks them. */
function LinkPicker({ p }: { p: ProjectDto }) {
  const { t } = useI18n();
  const { link } = useProjectActions(p.id);
  const showError = useShowError();
  const [kind, setKind] = useState<ProjectLinkKind>('activity');
  const [targetId, setTargetId] = useState<string | null>(null);
  const source = useLinkOptions(p)[kind];
  const handleLink = () => targetId && link.mutate({ kind, targetId }, { onError: showError, onSuccess: () => setTargetId(null) });
  return (
    <Flex vertical gap={8} className="project-link-picker">
      <Segmented<ProjectLinkKind>
        value={kind}
        onChange={(k) => {
          setKind(k);
          setTargetId(null);
        }}
        options={KINDS.map((k) => ({ value: k, label: t(`projects.link.${k}`) }))}
        data-testid="project-link-kind"
      />
      <Flex gap={8} wrap>
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          value={targetId}
          onChange={(v: string | undefined) => setTargetId(v ?? null)}
          options={source.options}
          loading={source.loading}
          placeholder={t('projects.linkPick')}
          notFoundContent={t('projects.linkNone')}
          style={{ flex: 1, minWidth: 220 }}
          data-testid="project-link-target"
        />
        <Button
          type="primary"
          icon={<LinkOutlined />}
          disabled={!targetId}
          loading={link.isPending}
          onClick={handleLink}
          data-testid="project-link-add"
        >
          {t('projects.linkAdd')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The records counted by the project's automatic KPIs, as tags by kind; the buyer picks and removes them here and the KPIs follow. */
export function ProjectLinksCard({ p }: { p: ProjectDto }) {
  const { t } = useI18n();
  const { unlink } = useProjectActions(p.id);
  const showError = useShowError();
  const canEdit = p.abilities.includes('edit');
  const groups = KINDS.map((kind) => [kind, p.links.filter((l) => l.kind === kind)] as const).filter(([, ls]) => ls.length > 0);
  return (
    <Card size="small" title={`${t('projects.links')} · ${p.links.length}`} data-testid="project-links">
      {groups.length === 0 && <Typography.Text type="secondary">{t('projects.linksNone')}</Typography.Text>}
      {groups.map(([kind, ls]) => (
        <Flex key={kind} gap={4} wrap align="baseline" className="project-link-group">
          <Typography.Text strong>{t(`projects.link.${kind}`)}：</Typography.Text>
          {ls.map((l) => (
            <Tag
              key={l.targetId}
              closable={canEdit}
              closeIcon={canEdit ? <CloseOutlined data-testid="project-unlink" aria-label={t('projects.unlink')} /> : undefined}
              onClose={(e) => {
                e.preventDefault();
                unlink.mutate({ kind: l.kind, targetId: l.targetId }, { onError: showError });
              }}
              data-testid="project-link"
              data-target={l.targetId}
            >
              {l.day && <span className="project-link-day">{l.day}</span>}
              {l.name}
            </Tag>
          ))}
        </Flex>
      ))}
      {canEdit && <LinkPicker p={p} />}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('projects.autoHint')}
      </Typography.Paragraph>
    </Card>
  );
}
