// Routes. Each page is its own chunk (React.lazy), so the first load carries only the
// login page and the frame.

import { Result } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AdminGuard } from './features/account/admin-guard.tsx';
import { ADMIN_PAGES, type AdminPage } from './features/account/admin-pages.tsx';
import { useSession } from './features/account/session.tsx';
import AppLayout from '@shared/app-layout.tsx';
import { Loading } from '@shared/loading.tsx';

const LoginPage = lazy(() => import('./features/account/login-page.tsx'));
const ChangePasswordPage = lazy(() => import('./features/account/change-password-page.tsx'));
const WorkbenchPage = lazy(() => import('./features/workbench/workbench-page.tsx'));
const CaseListPage = lazy(() => import('./features/case/case-list-page.tsx'));
const CasePage = lazy(() => import('./features/case/case-page.tsx'));
const NewApplicationPage = lazy(() => import('./features/case/new-application-page.tsx'));
const InterviewPage = lazy(() => import('./features/determination/interview-page.tsx'));
const AssessmentPage = lazy(() => import('./features/case/assessment-page.tsx'));
const PoliciesPage = lazy(() => import('./features/policy/policies-page.tsx'));
const PublicationsPage = lazy(() => import('./features/publication/publications-page.tsx'));
const PublicationPage = lazy(() => import('./features/publication/publication-page.tsx'));
const PublicPublicationsPage = lazy(
  () => import('./features/publication/public-publications-page.tsx'),
);
const OfficerRecordPage = lazy(() => import('./features/officer/officer-record-page.tsx'));
const TypicalCasesPage = lazy(() => import('./features/typical-case/typical-cases-page.tsx'));
const TypicalCasePage = lazy(() => import('./features/typical-case/typical-case-page.tsx'));
const CorrectionListPage = lazy(() => import('./features/correction/correction-list-page.tsx'));
const CorrectionPage = lazy(() => import('./features/correction/correction-page.tsx'));
const StatisticsPage = lazy(() => import('./features/statistics/statistics-page.tsx'));
const WarningsPage = lazy(() => import('./features/warning/warnings-page.tsx'));
const WarningPage = lazy(() => import('./features/warning/warning-page.tsx'));
const ReportListPage = lazy(() => import('./features/report/report-list-page.tsx'));
const NewReportPage = lazy(() => import('./features/report/new-report-page.tsx'));
const ReportPage = lazy(() => import('./features/report/report-page.tsx'));

const ADMIN_COMPONENTS: Record<AdminPage['path'], ComponentType> = {
  '/admin/users': lazy(() => import('./features/account/admin-users-page.tsx')),
  '/admin/roles': lazy(() => import('./features/account/admin-roles-page.tsx')),
  '/admin/audit': lazy(() => import('./features/audit/audit-page.tsx')),
  '/admin/warning-rules': lazy(() => import('./features/warning/warning-rules-page.tsx')),
  '/admin/backups': lazy(() => import('./features/system/backups-page.tsx')),
};

const loading = <Loading page />;

/**
 * A signed-in user's pages; a user who must change the password (an administrator set
 * it) is sent to the password page, the only one besides it they may use.
 */
function RequireSession({
  children,
  passwordPage = false,
}: {
  children: ReactNode;
  passwordPage?: boolean;
}) {
  const { user, loading: pending } = useSession();
  if (pending) return loading;
  if (!user) return <Navigate to="/login" replace />;
  if (user.mustChangePassword && !passwordPage) return <Navigate to="/password" replace />;
  return children;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* 社会公开的公示: anyone, without signing in. */}
          <Route path="/gongshi" element={<PublicPublicationsPage />} />
          <Route path="/gongshi/:id" element={<PublicPublicationsPage />} />
          <Route
            path="/password"
            element={
              <RequireSession passwordPage>
                <ChangePasswordPage />
              </RequireSession>
            }
          />
          <Route
            element={
              <RequireSession>
                <AppLayout />
              </RequireSession>
            }
          >
            <Route index element={<WorkbenchPage />} />
            <Route path="cases" element={<CaseListPage />} />
            <Route path="cases/new" element={<NewApplicationPage />} />
            <Route path="cases/:id" element={<CasePage />} />
            <Route path="cases/:id/interview" element={<InterviewPage />} />
            <Route path="cases/:id/assessment" element={<AssessmentPage />} />
            <Route path="policies" element={<PoliciesPage />} />
            <Route path="publications" element={<PublicationsPage />} />
            <Route path="publications/:id" element={<PublicationPage />} />
            <Route path="typical-cases" element={<TypicalCasesPage />} />
            <Route path="typical-cases/:id" element={<TypicalCasePage />} />
            <Route path="my-record" element={<OfficerRecordPage />} />
            <Route path="officers/:id" element={<OfficerRecordPage />} />
            <Route path="corrections" element={<CorrectionListPage />} />
            <Route path="corrections/:id" element={<CorrectionPage />} />
            <Route path="statistics" element={<StatisticsPage />} />
            <Route path="warnings" element={<WarningsPage />} />
            <Route path="warnings/:id" element={<WarningPage />} />
            <Route path="reports" element={<ReportListPage />} />
            <Route path="reports/new" element={<NewReportPage />} />
            <Route path="reports/:id" element={<ReportPage />} />
            {ADMIN_PAGES.map(({ path, role }) => {
              const Page = ADMIN_COMPONENTS[path];
              return (
                <Route
                  key={path}
                  path={path.slice(1)}
                  element={
                    <AdminGuard role={role}>
                      <Page />
                    </AdminGuard>
                  }
                />
              );
            })}
            <Route path="*" element={<Result status="404" title="页面不存在" />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
