import { type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import {
  Accordion,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardQuery } from '@corroborate/graphql';
import {
  CLAIM_STATUS_LABELS,
  EmptyState,
  ErrorAlert,
  getApiErrors,
  PageHeader,
  useSearchParamsState,
  VERDICT_COLORS,
  VERDICT_LABELS,
} from '@corroborate/web-ui';
import {
  type DashboardForm,
  dashboardFilterOf,
  dashboardFormFromParams,
  dashboardFormToParams,
  formatDay,
  formatDuration,
  formatMonth,
  lastDays,
  queueLink,
  RANGE_PRESETS,
} from './dashboard-filters';
import { dashboardProjectsQuery, dashboardQuery } from './dashboard.graphql';

type Dashboard = DashboardQuery['dashboard'];

/** Axis and label text: dark enough for WCAG AA on white. */
const AXIS = { fontSize: 12, fill: '#495057' };
const CHART_HEIGHT = 260;

export function DashboardPage() {
  const [params, updateParams] = useSearchParamsState();
  const form = dashboardFormFromParams(params);
  const { filter, error: formError } = dashboardFilterOf(form);
  const projects = useQuery(dashboardProjectsQuery);
  const { data, previousData, error, loading, refetch } = useQuery(dashboardQuery, {
    variables: { filter: filter ?? {} },
    skip: filter === null,
  });
  const update = (changes: Partial<DashboardForm>) =>
    updateParams(
      (current) => dashboardFormToParams({ ...dashboardFormFromParams(current), ...changes }),
      { replace: true },
    );
  const dashboard = data?.dashboard ?? previousData?.dashboard;
  const serverField = (field: string) =>
    getApiErrors(error).find((e) => e.field === field)?.message;

  const projectOptions = [
    { value: '', label: 'All projects' },
    ...(projects.data?.projects ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="How the desk is doing: claims open and verified, throughput per week, how long verification takes, the verdicts reached, who holds the work and how well reviewers agree. Days are UTC."
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-label="Filters">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label="Project"
                data={projectOptions}
                value={form.project ?? ''}
                onChange={(e) => update({ project: e.currentTarget.value || null })}
                error={serverField('projectId')}
              />
              <TextInput
                type="date"
                label="From"
                description="First day, inclusive."
                value={form.from}
                onChange={(e) => update({ from: e.currentTarget.value })}
                error={serverField('from')}
              />
              <TextInput
                type="date"
                label="To"
                description="Last day, inclusive."
                value={form.to}
                onChange={(e) => update({ to: e.currentTarget.value })}
                error={formError?.message ?? serverField('to')}
              />
            </SimpleGrid>
            <Group gap="xs" role="group" aria-label="Quick ranges">
              {RANGE_PRESETS.map((preset) => (
                <Button
                  key={preset.label}
                  variant="light"
                  size="compact-sm"
                  onClick={() => update(lastDays(preset.days, new Date()))}
                >
                  {preset.label}
                </Button>
              ))}
              <Button
                variant="light"
                size="compact-sm"
                onClick={() => update({ from: '', to: '' })}
              >
                All time
              </Button>
            </Group>
          </Stack>
        </Paper>

        {projects.error !== undefined && (
          <ErrorAlert
            error={projects.error}
            title="Could not load projects"
            onRetry={() => void projects.refetch()}
          />
        )}
        {error !== undefined && (
          <ErrorAlert
            error={error}
            title="Could not load the dashboard"
            onRetry={() => void refetch()}
            retrying={loading}
          />
        )}
        {dashboard === undefined && error === undefined && filter !== null && <DashboardSkeleton />}
        {dashboard !== undefined && (
          <DashboardBody dashboard={dashboard} form={form} updating={loading} />
        )}
      </Stack>
    </>
  );
}

function DashboardSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading the dashboard…">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={96} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton height={CHART_HEIGHT} radius="md" />
    </Stack>
  );
}

function DashboardBody({
  dashboard,
  form,
  updating,
}: {
  dashboard: Dashboard;
  form: DashboardForm;
  updating: boolean;
}) {
  const taken = dashboard.statusCounts.reduce((sum, s) => sum + s.count, 0);
  if (
    taken === 0 &&
    dashboard.verified === 0 &&
    dashboard.reviewerLoad.every((l) => l.submitted === 0)
  )
    return (
      <EmptyState
        icon={<IconChartBar size={32} aria-hidden="true" />}
        title="Nothing in this range"
        description="No claims were taken in or verified here. Widen the range (All time), or choose All projects."
      />
    );
  const median = dashboard.timeToVerify.medianSeconds;
  return (
    <Stack gap="lg" aria-busy={updating}>
      <SimpleGrid cols={{ base: 2, md: 4 }} component="section" aria-label="Counts">
        <Stat label="Open" value={dashboard.open} hint={`of ${taken} taken in`}>
          <Anchor
            component={Link}
            to={queueLink(form, [
              ['status', 'NEW'],
              ['status', 'IN_REVIEW'],
              ['status', 'NEEDS_ADJUDICATION'],
            ])}
            size="sm"
          >
            Open the queue
          </Anchor>
        </Stat>
        <Stat label="Verified" value={dashboard.verified} hint="verified in the range" />
        <Stat label="Overdue" value={dashboard.overdue} hint="open claims past their due date">
          <Anchor component={Link} to={queueLink(form, [['overdue', '1']])} size="sm">
            See overdue claims
          </Anchor>
        </Stat>
        <Stat
          label="Median time to verify"
          value={median === null ? '—' : formatDuration(median)}
          hint={
            dashboard.timeToVerify.claims === 0
              ? 'nothing verified yet'
              : `over ${dashboard.timeToVerify.claims} verified claim${dashboard.timeToVerify.claims === 1 ? '' : 's'}`
          }
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ThroughputCard dashboard={dashboard} />
        <VerdictsCard dashboard={dashboard} />
        <LoadCard dashboard={dashboard} form={form} />
        <AgreementCard dashboard={dashboard} />
      </SimpleGrid>
      <StatusTable dashboard={dashboard} form={form} />
    </Stack>
  );
}

function Stat({
  label,
  value,
  hint,
  children,
}: {
  label: string;
  value: ReactNode;
  hint: string;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-label={label}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

/** A chart with its title, a one-line summary for screen readers, and its numbers as a table. */
function ChartCard({
  title,
  summary,
  chart,
  table,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <div role="img" aria-label={summary} style={{ width: '100%', height: CHART_HEIGHT }}>
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      </div>
      <Accordion variant="contained" mt="sm" chevronPosition="left">
        <Accordion.Item value="numbers">
          <Accordion.Control>The numbers behind “{title}”</Accordion.Control>
          <Accordion.Panel>
            <Table.ScrollContainer minWidth={320}>{table}</Table.ScrollContainer>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Paper>
  );
}

function ThroughputCard({ dashboard }: { dashboard: Dashboard }) {
  const theme = useMantineTheme();
  const rows = dashboard.throughput.map((w) => ({ ...w, label: formatDay(w.weekStart) }));
  const intake = rows.reduce((sum, w) => sum + w.intake, 0);
  const verified = rows.reduce((sum, w) => sum + w.verified, 0);
  return (
    <ChartCard
      title="Throughput per week"
      summary={`Over ${rows.length} week${rows.length === 1 ? '' : 's'}: ${intake} claims taken in, ${verified} verified.`}
      chart={
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS} minTickGap={16} />
          <YAxis allowDecimals={false} tick={AXIS} width={40} />
          <Tooltip />
          <Legend />
          <Bar dataKey="intake" name="Taken in" fill={theme.colors.blue[7]} />
          <Bar dataKey="verified" name="Verified" fill={theme.colors.teal[8]} />
        </BarChart>
      }
      table={
        <Table striped aria-label="Throughput per week">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Week of</Table.Th>
              <Table.Th>Taken in</Table.Th>
              <Table.Th>Verified</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((w) => (
              <Table.Tr key={w.weekStart}>
                <Table.Td>{w.label}</Table.Td>
                <Table.Td>{w.intake}</Table.Td>
                <Table.Td>{w.verified}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function VerdictsCard({ dashboard }: { dashboard: Dashboard }) {
  const theme = useMantineTheme();
  const rows = dashboard.verdicts.map((v) => ({
    ...v,
    label: VERDICT_LABELS[v.verdict],
    fill: theme.colors[VERDICT_COLORS[v.verdict]][8],
  }));
  const total = rows.reduce((sum, v) => sum + v.count, 0);
  return (
    <ChartCard
      title="Verdicts"
      summary={
        total === 0
          ? 'No claim was verified in the range.'
          : `Final verdicts of ${total} verified claims: ${rows
              .filter((v) => v.count > 0)
              .map((v) => `${v.label} ${v.count}`)
              .join(', ')}.`
      }
      chart={
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={AXIS} />
          <YAxis type="category" dataKey="label" tick={AXIS} width={110} />
          <Tooltip />
          <Bar dataKey="count" name="Claims" />
        </BarChart>
      }
      table={
        <Table striped aria-label="Verdicts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Verdict</Table.Th>
              <Table.Th>Claims</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.verdict}>
                <Table.Td>{v.label}</Table.Td>
                <Table.Td>{v.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function LoadCard({ dashboard, form }: { dashboard: Dashboard; form: DashboardForm }) {
  const theme = useMantineTheme();
  const rows = dashboard.reviewerLoad.map((l) => ({
    ...l,
    name: l.reviewer.displayName,
    onTime: l.open - l.overdue,
  }));
  const busiest = rows[0];
  return (
    <ChartCard
      title="Reviewer load"
      summary={
        busiest
          ? `${rows.length} reviewers; the busiest, ${busiest.name}, holds ${busiest.open} open assignments (${busiest.overdue} overdue).`
          : 'No reviewers yet.'
      }
      chart={
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={AXIS} interval={0} />
          <YAxis allowDecimals={false} tick={AXIS} width={40} />
          <Tooltip />
          <Legend />
          <Bar dataKey="onTime" name="Open, on time" stackId="open" fill={theme.colors.blue[7]} />
          <Bar dataKey="overdue" name="Open, overdue" stackId="open" fill={theme.colors.red[8]} />
          <Bar dataKey="submitted" name="Submitted in range" fill={theme.colors.gray[6]} />
        </BarChart>
      }
      table={
        <Table striped aria-label="Reviewer load">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reviewer</Table.Th>
              <Table.Th>Open</Table.Th>
              <Table.Th>Overdue</Table.Th>
              <Table.Th>Submitted in range</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr key={l.reviewer.id}>
                <Table.Td>
                  {/* Load is now, not within the range: the queue of the reviewer's claims. */}
                  <Anchor
                    component={Link}
                    to={`/queue?${new URLSearchParams([
                      ...(form.project ? [['project', form.project]] : []),
                      ['assignee', l.reviewer.id],
                    ]).toString()}`}
                    size="sm"
                  >
                    {l.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{l.open}</Table.Td>
                <Table.Td>{l.overdue}</Table.Td>
                <Table.Td>{l.submitted}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function AgreementCard({ dashboard }: { dashboard: Dashboard }) {
  const theme = useMantineTheme();
  const rows = dashboard.agreement.map((m) => ({ ...m, label: formatMonth(m.month) }));
  const computed = rows.filter((m) => m.computable);
  // Ticks every 0.25 from the lowest alpha (at most 0) up to perfect agreement.
  const floor = Math.floor(Math.min(0, ...computed.map((m) => m.alpha ?? 0)) * 4) / 4;
  const ticks = Array.from({ length: Math.round((1 - floor) * 4) + 1 }, (_, i) => floor + i / 4);
  const latest = computed[computed.length - 1];
  return (
    <ChartCard
      title="Agreement (Krippendorff’s alpha) per month"
      summary={
        latest
          ? `Latest computable month, ${latest.label}: alpha ${latest.alpha?.toFixed(2)} over ${latest.pairableValues} values. ${rows.length - computed.length} of ${rows.length} months not computable.`
          : 'Alpha is not computable for any month in the range: too few comparable verdicts.'
      }
      chart={
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis domain={[floor, 1]} ticks={ticks} tick={AXIS} width={44} />
          <Tooltip
            formatter={(value, _name, item) => [
              `${Number(value).toFixed(2)} (n = ${(item.payload as { pairableValues: number }).pairableValues})`,
              'Alpha',
            ]}
          />
          <ReferenceLine
            y={0.8}
            stroke={theme.colors.teal[8]}
            strokeDasharray="4 4"
            label={{ value: '0.8 reliable', position: 'insideBottomRight', ...AXIS }}
          />
          <ReferenceLine
            y={0.667}
            stroke={theme.colors.orange[9]}
            strokeDasharray="4 4"
            label={{ value: '0.667 tentative', position: 'insideBottomRight', ...AXIS }}
          />
          <Line
            dataKey="alpha"
            name="Alpha"
            stroke={theme.colors.violet[8]}
            strokeWidth={2}
            connectNulls={false}
            dot={{ r: 4 }}
          />
        </LineChart>
      }
      table={
        <Table striped aria-label="Agreement per month">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th>Alpha</Table.Th>
              <Table.Th>Values (n)</Table.Th>
              <Table.Th>Claims</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{m.label}</Table.Td>
                <Table.Td>
                  {m.computable ? m.alpha?.toFixed(3) : `not computable: ${m.reason}`}
                </Table.Td>
                <Table.Td>{m.pairableValues}</Table.Td>
                <Table.Td>{m.units}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function StatusTable({ dashboard, form }: { dashboard: Dashboard; form: DashboardForm }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Claims by status">
      <Title order={2} size="h4" mb="xs">
        Claims taken in, by current status
      </Title>
      <Table aria-label="Claims by status">
        <Table.Thead>
          <Table.Tr>
            {dashboard.statusCounts.map((s) => (
              <Table.Th key={s.status}>{CLAIM_STATUS_LABELS[s.status]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            {dashboard.statusCounts.map((s) => (
              <Table.Td key={s.status}>
                <Anchor
                  component={Link}
                  to={queueLink(form, [['status', s.status]])}
                  aria-label={`${s.count} ${CLAIM_STATUS_LABELS[s.status]}: open in the queue`}
                >
                  {s.count}
                </Anchor>
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
