import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { RequireRole } from './auth/RequireRole';
import { Roles, batchRoles, numberRangeRoles } from './lib/roles';
import { HomePage } from './features/home/pages/HomePage';
import { SignInPage } from './features/identity/pages/SignInPage';
import { PoliciesPage } from './features/policies/pages/PoliciesPage';
import { CalendarPage } from './features/calendar/pages/CalendarPage';
import { CalendarLoadPage } from './features/calendar/pages/CalendarLoadPage';
import { WorkbenchPage } from './features/filing/pages/WorkbenchPage';
import { OrganizationPage } from './features/filing/pages/OrganizationPage';
import { OrganizationDetailPage } from './features/filing/pages/OrganizationDetailPage';
import { AccountSecurityPage } from './features/identity/pages/AccountSecurityPage';
import { AccountsPage } from './features/identity/pages/AccountsPage';
import { ApiClientsPage } from './features/identity/pages/ApiClientsPage';
import { NotFoundPage } from './features/home/pages/NotFoundPage';
import { NoticesPage } from './features/notices/pages/NoticesPage';
import { NoticeDetailPage } from './features/notices/pages/NoticeDetailPage';
import { PublishNoticePage } from './features/notices/pages/PublishNoticePage';
import { ApplicationsPage } from './features/filing/pages/ApplicationsPage';
import { ApplicationPage } from './features/filing/pages/ApplicationPage';
import { FilingDetailPage, FilingReceiptPage, FilingsPage } from './features/filing/pages/FilingsPage';
import { DirectoryEntryPage, DirectoryPage } from './features/filing/pages/DirectoryPage';
import { CatalogImportPage } from './features/filing/pages/CatalogImportPage';
import { AssignmentsPage } from './features/filing/pages/AssignmentsPage';
import { BatchesPage } from './features/batches/pages/BatchesPage';
import { BatchPage } from './features/batches/pages/BatchPage';
import { CertificatesPage } from './features/certificates/pages/CertificatesPage';
import { NumberRangesPage } from './features/certificates/pages/NumberRangesPage';
import { VerifyLinkPage, VerifyPage } from './features/certificates/pages/VerifyPage';
import { CaseLookupPage } from './features/certificates/pages/CaseLookupPage';
import { PersonalDataReadsPage } from './features/audit/pages/PersonalDataReadsPage';
import { ActivityPage } from './features/audit/pages/ActivityPage';

const staff = [Roles.reviewer, Roles.expert, Roles.inspector, Roles.auditor, Roles.administrator];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="notices" element={<NoticesPage />} />
        <Route path="notices/new" element={<RequireRole roles={[Roles.reviewer]}><PublishNoticePage /></RequireRole>} />
        <Route path="notices/:id" element={<NoticeDetailPage />} />
        <Route path="directory" element={<DirectoryPage />} />
        <Route path="directory/:id" element={<DirectoryEntryPage />} />
        <Route path="filings" element={<RequireRole roles={[Roles.organization, ...staff]}><FilingsPage /></RequireRole>} />
        <Route path="filings/:id" element={<RequireRole><FilingDetailPage /></RequireRole>} />
        <Route path="filings/:id/receipt" element={<RequireRole><FilingReceiptPage /></RequireRole>} />
        <Route path="policies" element={<PoliciesPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="calendar/load" element={<RequireRole roles={[Roles.administrator, Roles.reviewer]}><CalendarLoadPage /></RequireRole>} />
        <Route path="workbench" element={<RequireRole roles={staff}><WorkbenchPage /></RequireRole>} />
        <Route path="assignments" element={<RequireRole roles={[Roles.expert]}><AssignmentsPage /></RequireRole>} />
        <Route path="organization" element={<RequireRole roles={[Roles.organization]}><OrganizationPage /></RequireRole>} />
        <Route path="applications" element={<RequireRole roles={[Roles.organization, ...staff]}><ApplicationsPage /></RequireRole>} />
        <Route path="applications/:id" element={<RequireRole><ApplicationPage /></RequireRole>} />
        <Route path="batches" element={<RequireRole roles={batchRoles}><BatchesPage /></RequireRole>} />
        <Route path="batches/:id" element={<RequireRole roles={batchRoles}><BatchPage /></RequireRole>} />
        <Route path="certificates" element={<RequireRole roles={batchRoles}><CertificatesPage /></RequireRole>} />
        <Route path="certificate-ranges" element={<RequireRole roles={numberRangeRoles}><NumberRangesPage /></RequireRole>} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="verify/:token" element={<VerifyLinkPage />} />
        <Route path="cases" element={<CaseLookupPage />} />
        <Route path="organizations/:id" element={<RequireRole><OrganizationDetailPage /></RequireRole>} />
        <Route path="account" element={<RequireRole><AccountSecurityPage /></RequireRole>} />
        <Route path="audit/personal-data-reads" element={<RequireRole roles={[Roles.auditor]}><PersonalDataReadsPage /></RequireRole>} />
        <Route path="audit/activity" element={<RequireRole roles={[Roles.auditor]}><ActivityPage /></RequireRole>} />
        <Route path="admin/accounts" element={<RequireRole roles={[Roles.administrator, Roles.auditor]}><AccountsPage /></RequireRole>} />
        <Route path="admin/occupations" element={<RequireRole roles={[Roles.administrator]}><CatalogImportPage /></RequireRole>} />
        <Route path="admin/api-clients" element={<RequireRole roles={[Roles.administrator]}><ApiClientsPage /></RequireRole>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
